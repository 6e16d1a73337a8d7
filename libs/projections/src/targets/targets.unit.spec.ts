import type Database from 'better-sqlite3';
import type { TaskEvent } from '@duty-ledger/domain';
import { openReadModelDb } from '../runner/read-model-db';
import { EventLog, SUPERVISOR, leadActor, project } from '../testing/event-log';
import { planImport } from '../testing/plan-fixture';
import { targetsProjection } from './targets.projection';
import { targetDetails, targetHistory } from './targets.query';

const TASK = 'p24-t03';
const TARGET = 'p24-t03-g1';
const LEAD = '区商务委';

describe('targets read model: details and history', () => {
  let db: Database.Database;
  let log: EventLog;

  beforeEach(() => {
    db = openReadModelDb(':memory:');
    targetsProjection.setUp(db);
    log = new EventLog('2024-01-05T02:00:00.000Z');
    log.append(
      planImport('p24', 2024, [
        {
          no: 3,
          title: '培育数字经济企业',
          leads: [LEAD],
          supporting: ['区投促办'],
          targets: [
            {
              metric: '累计培育集聚数字经济企业',
              value: 1900,
              unit: '家',
              kind: 'cumulative',
              baseline: { value: 1700, date: '2023-12-31' },
            },
          ],
        },
      ]),
    );
    const events: [string, TaskEvent, ReturnType<typeof leadActor>][] = [
      [
        '2024-01-08T02:00:00.000Z',
        {
          type: 'AssignmentAcknowledged',
          schemaVersion: 1,
          data: {
            taskId: TASK,
            unit: LEAD,
            role: 'lead',
            terms: {
              version: 1,
              dueDate: '2024-12-31',
              leads: [LEAD],
              supporting: ['区投促办'],
              targets: [
                {
                  targetId: TARGET,
                  value: 1900,
                  comparator: 'gte',
                  unit: '家',
                  dueDate: '2024-12-31',
                },
              ],
            },
          },
        },
        leadActor(LEAD),
      ],
      [
        '2024-04-03T02:00:00.000Z',
        {
          type: 'MilestoneReported',
          schemaVersion: 1,
          data: {
            taskId: TASK,
            targetId: TARGET,
            milestoneId: 'm1',
            unit: LEAD,
            value: 1750,
            asOf: '2024-03-31',
            basis: 'cumulative',
            evidence: ['统计快报'],
          },
        },
        leadActor(LEAD),
      ],
      [
        '2024-05-10T02:00:00.000Z',
        {
          type: 'TargetRevisionProposed',
          schemaVersion: 1,
          data: {
            taskId: TASK,
            targetId: TARGET,
            revisionId: 'r1',
            proposedBy: `u-${LEAD}`,
            proposedByUnit: LEAD,
            changes: { value: 1850 },
            reason: '统计口径调整',
          },
        },
        leadActor(LEAD),
      ],
      [
        '2024-05-20T02:00:00.000Z',
        {
          type: 'TargetRevised',
          schemaVersion: 1,
          data: {
            taskId: TASK,
            targetId: TARGET,
            revisionId: 'r1',
            before: { value: 1900 },
            after: { value: 1850 },
            reason: '统计口径调整',
            reference: '长数转办〔2024〕5号',
            proposedBy: `u-${LEAD}`,
            approvedBy: 'u-sup',
          },
        },
        SUPERVISOR,
      ],
      [
        '2024-11-20T02:00:00.000Z',
        {
          type: 'DeadlineExtensionApproved',
          schemaVersion: 1,
          data: {
            taskId: TASK,
            targetId: TARGET,
            extensionId: 'x1',
            approvedBy: 'u-sup',
            previousDueDate: '2024-12-31',
            newDueDate: '2025-03-31',
            reason: '同意延期',
          },
        },
        SUPERVISOR,
      ],
      [
        '2025-03-02T02:00:00.000Z',
        {
          type: 'CompletionClaimed',
          schemaVersion: 1,
          data: {
            taskId: TASK,
            targetId: TARGET,
            unit: LEAD,
            claimedBy: `u-${LEAD}`,
            evidence: ['验收报告'],
          },
        },
        leadActor(LEAD),
      ],
    ];
    for (const [at, event, actor] of events) log.at(at).append([event], { actor });
    project(db, targetsProjection, log.events);
  });

  afterEach(() => db.close());

  it('lists every event that touched the target, in order, with who, when, why and what changed', () => {
    const history = targetHistory(db, TARGET, { asOf: '2025-06-01T00:00:00.000Z' }) ?? [];
    expect(history.map((e) => e.type)).toEqual([
      'TargetRegistered',
      'LeadAssigned',
      'SupportingUnitAssigned',
      'AssignmentAcknowledged',
      'MilestoneReported',
      'TargetRevisionProposed',
      'TargetRevised',
      'DeadlineExtensionApproved',
      'CompletionClaimed',
    ]);
    expect(history[0].changes).toEqual([
      { field: 'value', after: 1900 },
      { field: 'comparator', after: 'gte' },
      { field: 'unit', after: '家' },
      { field: 'dueDate', after: '2024-12-31' },
      { field: 'owners', after: { leads: [], supporting: [] } },
      { field: 'completion', after: 'open' },
    ]);
    expect(history[1].changes).toEqual([
      {
        field: 'owners',
        before: { leads: [], supporting: [] },
        after: { leads: [LEAD], supporting: [] },
      },
    ]);
    expect(history[3].changes).toEqual([]);
    expect(history[4].changes).toEqual([
      { field: 'latestReport', after: { value: 1750, asOf: '2024-03-31', unit: LEAD } },
    ]);

    const revised = history[6];
    expect(revised).toMatchObject({
      actor: { id: 'u-sup', role: 'supervisor', name: '督查员' },
      occurredAt: '2024-05-20T02:00:00.000Z',
      recordedAt: '2024-05-20T02:00:00.000Z',
      position: String(log.events.findIndex((e) => e.type === 'TargetRevised') + 1),
      reason: '统计口径调整',
      reference: '长数转办〔2024〕5号',
      changes: [{ field: 'value', before: 1900, after: 1850 }],
    });
    expect(history[7]).toMatchObject({
      reason: '同意延期',
      changes: [{ field: 'dueDate', before: '2024-12-31', after: '2025-03-31' }],
    });
    expect(history[8].changes).toEqual([{ field: 'completion', before: 'open', after: 'claimed' }]);
  });

  it('shows the history only as far as it was recorded at asOf', () => {
    expect(
      targetHistory(db, TARGET, { asOf: '2024-05-15T00:00:00.000Z' })
        ?.map((e) => e.type)
        .at(-1),
    ).toBe('TargetRevisionProposed');
    expect(targetHistory(db, TARGET, { asOf: '2024-01-01T00:00:00.000Z' })).toBeUndefined();
    expect(targetHistory(db, 'p24-t03-g9', { asOf: '2025-06-01T00:00:00.000Z' })).toBeUndefined();
  });

  it('gives the target as it stood at any instant, scored against the original and the current target', () => {
    const april = targetDetails(db, TARGET, { asOf: '2024-04-10T00:00:00.000Z' });
    expect(april).toMatchObject({
      planId: 'p24',
      planTitle: '2024年度工作方案',
      taskNo: 3,
      metric: '累计培育集聚数字经济企业',
      baseline: { value: 1700, date: '2023-12-31' },
      original: { value: 1900, dueDate: '2024-12-31' },
      current: { value: 1900, dueDate: '2024-12-31' },
      leadAcknowledged: true,
      completion: 'open',
      latestReport: { value: 1750, asOf: '2024-03-31', unit: LEAD, evidence: ['统计快报'] },
      reportCount: 1,
    });
    expect(april?.owners).toEqual([
      {
        unit: LEAD,
        role: 'lead',
        scope: 'task',
        acknowledgement: 'acknowledged',
        acknowledgedVersion: 1,
      },
      { unit: '区投促办', role: 'supporting', scope: 'task', acknowledgement: 'pending' },
    ]);
    // Cumulative with a baseline: (1750 − 1700) / (1900 − 1700).
    expect(april?.status.progress).toBeCloseTo(0.25);
    expect(april?.status).toMatchObject({
      metCurrent: false,
      metOriginal: false,
      ruleSetId: 'default',
    });

    const december = targetDetails(db, TARGET, { asOf: '2024-12-01T00:00:00.000Z' });
    expect(december?.current).toEqual({
      value: 1850,
      comparator: 'gte',
      unit: '家',
      dueDate: '2025-03-31',
    });
    expect(december?.original.value).toBe(1900);
    expect(december?.deadlineMoves).toBe(1);
    // The revision reopened the lead's acknowledgement.
    expect(december?.leadAcknowledged).toBe(false);
    expect(december?.owners[0].acknowledgement).toBe('reopened');

    expect(targetDetails(db, TARGET, { asOf: '2025-04-01T00:00:00.000Z' })?.completion).toBe(
      'claimed',
    );
    expect(targetDetails(db, TARGET, { asOf: '2024-01-05T01:00:00.000Z' })).toBeUndefined();
  });
});
