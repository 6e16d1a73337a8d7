import type Database from 'better-sqlite3';
import type { TaskEvent } from '@duty-ledger/domain';
import { openReadModelDb } from '../runner/read-model-db';
import { EventLog, SUPERVISOR, leadActor, project } from '../testing/event-log';
import { planImport } from '../testing/plan-fixture';
import { classifyValueChange } from './change-kind';
import { targetChangesProjection } from './target-changes.projection';
import { targetChanges } from './target-changes.query';

describe('classifyValueChange', () => {
  it('reads the direction of the comparator', () => {
    expect(
      classifyValueChange(
        { value: 100, comparator: 'gte', unit: '个' },
        { value: 80, comparator: 'gte', unit: '个' },
      ),
    ).toBe('lowered');
    expect(
      classifyValueChange(
        { value: 100, comparator: 'gte', unit: '个' },
        { value: 120, comparator: 'gte', unit: '个' },
      ),
    ).toBe('raised');
    expect(
      classifyValueChange(
        { value: 35, comparator: 'lte', unit: 'μg/m³' },
        { value: 30, comparator: 'lte', unit: 'μg/m³' },
      ),
    ).toBe('raised');
    expect(
      classifyValueChange(
        { value: 35, comparator: 'lt', unit: 'μg/m³' },
        { value: 40, comparator: 'lt', unit: 'μg/m³' },
      ),
    ).toBe('lowered');
  });

  it('ranks a strict comparator above an inclusive one at the same number', () => {
    expect(
      classifyValueChange(
        { value: 400, comparator: 'gt', unit: 'Mbps' },
        { value: 400, comparator: 'gte', unit: 'Mbps' },
      ),
    ).toBe('lowered');
    expect(
      classifyValueChange(
        { value: 10, comparator: 'lte', unit: '天' },
        { value: 10, comparator: 'lt', unit: '天' },
      ),
    ).toBe('raised');
  });

  it('calls a change of unit, direction or an exact target a redefinition, and no change nothing', () => {
    expect(
      classifyValueChange(
        { value: 132, comparator: 'gte', unit: '万' },
        { value: 1_320_000, comparator: 'gte', unit: '条' },
      ),
    ).toBe('redefined');
    expect(
      classifyValueChange(
        { value: 10, comparator: 'gte', unit: '个' },
        { value: 10, comparator: 'lte', unit: '个' },
      ),
    ).toBe('redefined');
    expect(
      classifyValueChange(
        { value: 1, comparator: 'eq', unit: '项' },
        { value: 2, comparator: 'eq', unit: '项' },
      ),
    ).toBe('redefined');
    expect(
      classifyValueChange(
        { value: 1, comparator: 'gte', unit: '项' },
        { value: 1, comparator: 'gte', unit: '项' },
      ),
    ).toBeUndefined();
  });
});

describe('target changes feed', () => {
  let db: Database.Database;
  let log: EventLog;
  const TASK = 'p24-t01';
  const G1 = 'p24-t01-g1';
  const G2 = 'p24-t01-g2';

  const revise = (
    targetId: string,
    revisionId: string,
    before: object,
    after: object,
    reference?: string,
  ): TaskEvent => ({
    type: 'TargetRevised',
    schemaVersion: 1,
    data: {
      taskId: TASK,
      targetId,
      revisionId,
      before,
      after,
      reason: '工作调整',
      ...(reference ? { reference } : {}),
      proposedBy: 'u-区数据局',
      approvedBy: 'u-sup',
    },
  });

  beforeEach(() => {
    db = openReadModelDb(':memory:');
    targetChangesProjection.setUp(db);
    log = new EventLog('2024-01-05T02:00:00.000Z');
    log.append(
      planImport('p24', 2024, [
        {
          no: 1,
          title: '推进新型基础设施建设',
          leads: ['区数据局'],
          supporting: ['区科委'],
          targets: [
            { metric: '住宅小区地下车库移动通信网络覆盖', value: 100, unit: '个' },
            {
              metric: '固定宽带平均接入带宽',
              value: 400,
              unit: 'Mbps',
              comparator: 'gt',
              kind: 'level',
              measure: 'level',
            },
          ],
        },
      ]),
    );
    log.at('2024-06-01T02:00:00.000Z').append(
      [
        {
          type: 'TargetRevisionProposed',
          schemaVersion: 1,
          data: {
            taskId: TASK,
            targetId: G1,
            revisionId: 'r1',
            proposedBy: 'u-区数据局',
            proposedByUnit: '区数据局',
            changes: { value: 80 },
            reason: '工作调整',
          },
        },
      ],
      { actor: leadActor('区数据局') },
    );
    log
      .at('2024-06-10T02:00:00.000Z')
      .append([revise(G1, 'r1', { value: 100 }, { value: 80 }, '长数转办〔2024〕7号')], {
        actor: SUPERVISOR,
      });
    log
      .at('2024-07-01T02:00:00.000Z')
      .append(
        [
          revise(
            G2,
            'r2',
            { value: 400, dueDate: '2024-12-31' },
            { value: 500, dueDate: '2024-10-31' },
          ),
        ],
        { actor: SUPERVISOR },
      );
    log.at('2024-09-01T02:00:00.000Z').append(
      [
        {
          type: 'DeadlineExtensionRequested',
          schemaVersion: 1,
          data: {
            taskId: TASK,
            targetId: G2,
            extensionId: 'x1',
            unit: '区数据局',
            requestedBy: 'u-区数据局',
            currentDueDate: '2024-10-31',
            requestedDueDate: '2024-12-31',
            reason: '设备到货延迟',
          },
        },
      ],
      { actor: leadActor('区数据局') },
    );
    log.at('2024-09-05T02:00:00.000Z').append(
      [
        {
          type: 'DeadlineExtensionApproved',
          schemaVersion: 1,
          data: {
            taskId: TASK,
            targetId: G2,
            extensionId: 'x1',
            approvedBy: 'u-sup',
            previousDueDate: '2024-10-31',
            newDueDate: '2024-12-31',
          },
        },
      ],
      { actor: SUPERVISOR },
    );
    log.at('2024-10-08T02:00:00.000Z').append(
      [
        {
          type: 'AssignmentRemoved',
          schemaVersion: 1,
          data: { taskId: TASK, unit: '区科委', role: 'supporting', reason: '机构改革' },
        },
        {
          type: 'SupportingUnitAssigned',
          schemaVersion: 1,
          data: { taskId: TASK, unit: '区建管委', reason: '机构改革' },
        },
      ],
      { actor: SUPERVISOR },
    );
    project(db, targetChangesProjection, log.events);
  });

  afterEach(() => db.close());

  const asOf = '2025-01-01T00:00:00.000Z';

  it('records each change with the original, previous and new values, who proposed and approved, why and when', () => {
    const feed = targetChanges(db, { asOf });
    expect(feed.map((c) => [c.kind, c.targetId ?? null])).toEqual([
      ['lowered', G1],
      ['raised', G2],
      ['deadline-moved', G2],
      ['deadline-moved', G2],
      ['owner-changed', null],
      ['owner-changed', null],
    ]);
    expect(feed[0]).toMatchObject({
      metric: '住宅小区地下车库移动通信网络覆盖',
      original: { value: 100, comparator: 'gte', unit: '个' },
      previous: { value: 100, comparator: 'gte', unit: '个' },
      next: { value: 80, comparator: 'gte', unit: '个' },
      proposedBy: { id: 'u-区数据局', unit: '区数据局' },
      approvedBy: { id: 'u-sup' },
      actor: { id: 'u-sup', role: 'supervisor' },
      reason: '工作调整',
      reference: '长数转办〔2024〕7号',
      occurredAt: '2024-06-10T02:00:00.000Z',
      planYear: 2024,
    });
    expect(feed[2]).toMatchObject({
      original: '2024-12-31',
      previous: '2024-12-31',
      next: '2024-10-31',
    });
    expect(feed[3]).toMatchObject({
      original: '2024-12-31',
      previous: '2024-10-31',
      next: '2024-12-31',
      proposedBy: { id: 'u-区数据局', unit: '区数据局' },
      approvedBy: { id: 'u-sup' },
      reason: '设备到货延迟',
    });
    const issued = { leads: ['区数据局'], supporting: ['区科委'] };
    expect(feed[4]).toMatchObject({
      original: issued,
      previous: issued,
      next: { leads: ['区数据局'], supporting: [] },
      reason: '机构改革',
    });
    expect(feed[5]).toMatchObject({
      original: issued,
      previous: { leads: ['区数据局'], supporting: [] },
      next: { leads: ['区数据局'], supporting: ['区建管委'] },
    });
  });

  it('filters by kind, unit and the time the change took effect, and shows only what was recorded by asOf', () => {
    expect(targetChanges(db, { asOf, kind: 'deadline-moved' })).toHaveLength(2);
    expect(targetChanges(db, { asOf, unit: '区建管委' }).map((c) => c.kind)).toEqual([
      'owner-changed',
    ]);
    expect(targetChanges(db, { asOf, unit: '区科委' })).toHaveLength(5);
    expect(
      targetChanges(db, { asOf, from: '2024-07-01', to: '2024-09-05' }).map((c) => c.kind),
    ).toEqual(['raised', 'deadline-moved', 'deadline-moved']);
    expect(targetChanges(db, { asOf: '2024-06-30T00:00:00.000Z' }).map((c) => c.kind)).toEqual([
      'lowered',
    ]);
    expect(targetChanges(db, { asOf: '2024-06-10T01:59:59.999Z' })).toEqual([]);
  });
});
