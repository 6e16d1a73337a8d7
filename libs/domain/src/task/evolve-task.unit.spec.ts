import type { TaskEvent } from '../events/task-events';
import {
  acknowledgedAfter,
  assigned,
  claimed,
  declinedAfter,
  extensionRequested,
  fold,
  imported,
  proposed,
  revised,
  supervisor,
  TARGET_1,
  TARGET_2,
  TASK_ID,
  target1Registered,
  verified,
  区数据局,
} from '../testing/task-fixtures';
import { evolveTask } from './evolve-task';
import { currentTerms, findTarget, pendingExtension, pendingRevision } from './task-queries';
import { initialTaskState } from './task-state';

const statusOf = (events: TaskEvent[], unit: string, targetId?: string) =>
  fold(...events).assignments.find((a) => a.unit === unit && a.targetId === targetId);
const target1 = (...events: TaskEvent[]) => findTarget(fold(...events), TARGET_1)!;
const ack = acknowledgedAfter;
const revisedTo120 = revised(TARGET_1, 'rev-1', { value: 100 }, { value: 120 });
const extensionApproved = (newDueDate = '2025-03-31', extensionId = 'ext-1'): TaskEvent => ({
  type: 'DeadlineExtensionApproved',
  schemaVersion: 1,
  data: {
    taskId: TASK_ID,
    targetId: TARGET_1,
    extensionId,
    approvedBy: supervisor.id,
    previousDueDate: '2024-12-31',
    newDueDate,
  },
});

describe('evolveTask', () => {
  it('holds the task, its targets and pending assignments after the import, all at terms version 1', () => {
    const state = fold(...imported);
    expect(state).toMatchObject({
      status: 'registered',
      taskId: TASK_ID,
      no: 1,
      title: '推进新型信息基础设施建设',
      termsVersion: 1,
    });
    expect(state.targets.map((t) => [t.targetId, t.termsVersion, t.completion.status])).toEqual([
      [TARGET_1, 1, 'open'],
      [TARGET_2, 1, 'open'],
    ]);
    expect(state.assignments.map((a) => [a.unit, a.role, a.ackStatus])).toEqual([
      ['区数据局', 'lead', 'pending'],
      ['区委网信办', 'supporting', 'pending'],
    ]);
  });

  it('ignores events of a stream that does not start with TaskRegistered', () => {
    expect(evolveTask(initialTaskState(), target1Registered)).toEqual({ status: 'none' });
  });

  describe('acknowledgement status', () => {
    it('is acknowledged with the version signed for', () => {
      expect(statusOf([...imported, ack(imported, '区数据局')], '区数据局')).toMatchObject({
        ackStatus: 'acknowledged',
        acknowledgedVersion: 1,
      });
    });

    it('is reopened after a revision of a target in scope, keeping the version once acknowledged', () => {
      const history = [...imported, ack(imported, '区数据局'), revisedTo120];
      expect(statusOf(history, '区数据局')).toMatchObject({
        ackStatus: 'reopened',
        acknowledgedVersion: 1,
      });
      expect(fold(...history).termsVersion).toBe(2);
    });

    it('is acknowledged again once the new version is signed for', () => {
      const reopened = [...imported, ack(imported, '区数据局'), revisedTo120];
      expect(statusOf([...reopened, ack(reopened, '区数据局')], '区数据局')).toMatchObject({
        ackStatus: 'acknowledged',
        acknowledgedVersion: 2,
      });
    });

    it('is reopened when the owners change', () => {
      const history = [
        ...imported,
        ack(imported, '区数据局'),
        assigned('supporting', '区城运中心'),
      ];
      expect(statusOf(history, '区数据局')?.ackStatus).toBe('reopened');
    });

    it('is reopened by an approved extension', () => {
      const history = [
        ...imported,
        ack(imported, '区数据局'),
        extensionRequested('ext-1'),
        extensionApproved(),
      ];
      expect(statusOf(history, '区数据局')?.ackStatus).toBe('reopened');
    });

    it('stays pending, and the version stays 1, while nobody has answered', () => {
      const history = [...imported, revisedTo120, assigned('supporting', '区城运中心')];
      expect(statusOf(history, '区数据局')?.ackStatus).toBe('pending');
      expect(fold(...history).termsVersion).toBe(1);
    });

    it('reopens a target-level acknowledgement on a change to that target, not on a change to another', () => {
      const base = [...imported, assigned('supporting', '区城运中心', TARGET_1)];
      const acked = [...base, ack(base, '区城运中心', TARGET_1)];
      const otherTarget = revised(TARGET_2, 'rev-2', { value: 80 }, { value: 85 });
      expect(statusOf([...acked, otherTarget], '区城运中心', TARGET_1)?.ackStatus).toBe(
        'acknowledged',
      );
      expect(statusOf([...acked, revisedTo120], '区城运中心', TARGET_1)?.ackStatus).toBe(
        'reopened',
      );
    });

    it('reopens a target-level acknowledgement when a task-level owner is added', () => {
      const base = [...imported, assigned('supporting', '区城运中心', TARGET_1)];
      const history = [
        ...base,
        ack(base, '区城运中心', TARGET_1),
        assigned('supporting', '华阳路街道'),
      ];
      expect(statusOf(history, '区城运中心', TARGET_1)?.ackStatus).toBe('reopened');
    });

    it('is declined, then reopened when the terms change', () => {
      const declined = [...imported, declinedAfter(imported, '区数据局')];
      expect(statusOf(declined, '区数据局')).toMatchObject({
        ackStatus: 'declined',
        lastAnswer: { kind: 'declined', version: 1, reason: '职责不符' },
      });
      expect(statusOf([...declined, revisedTo120], '区数据局')?.ackStatus).toBe('reopened');
    });

    it('starts over as pending when a removed unit is assigned again', () => {
      const history = [
        ...imported,
        ack(imported, '区委网信办'),
        {
          type: 'AssignmentRemoved',
          schemaVersion: 1,
          data: { taskId: TASK_ID, unit: '区委网信办', role: 'supporting', reason: '调整' },
        } as TaskEvent,
        assigned('lead', '区委网信办'),
      ];
      expect(statusOf(history, '区委网信办')).toMatchObject({ role: 'lead', ackStatus: 'pending' });
      expect(statusOf(history, '区委网信办')?.acknowledgedVersion).toBeUndefined();
    });
  });

  describe('target terms', () => {
    it('keeps the original terms and applies revisions to the current ones', () => {
      const target = target1(
        ...imported,
        revisedTo120,
        revised(TARGET_1, 'rev-2', { unit: '个' }, { unit: '个小区' }),
      );
      expect(target.original).toEqual({
        value: 100,
        comparator: 'gte',
        unit: '个',
        dueDate: '2024-12-31',
      });
      expect(target.current).toEqual({
        value: 120,
        comparator: 'gte',
        unit: '个小区',
        dueDate: '2024-12-31',
      });
      expect(target.revisions.map((r) => [r.revisionId, r.status])).toEqual([
        ['rev-1', 'approved'],
        ['rev-2', 'approved'],
      ]);
    });

    it('lists a pending proposal until it is decided', () => {
      const pending = [...imported, proposed('rev-1', 区数据局, { value: 80 })];
      expect(pendingRevision(target1(...pending))).toMatchObject({
        revisionId: 'rev-1',
        proposedByUnit: '区数据局',
        status: 'pending',
      });
      const rejected: TaskEvent = {
        type: 'TargetRevisionRejected',
        schemaVersion: 1,
        data: {
          taskId: TASK_ID,
          targetId: TARGET_1,
          revisionId: 'rev-1',
          rejectedBy: supervisor.id,
          reason: '理由不充分',
        },
      };
      expect(pendingRevision(target1(...pending, rejected))).toBeUndefined();
      expect(target1(...pending, rejected).revisions[0]).toMatchObject({
        status: 'rejected',
        rejectionReason: '理由不充分',
      });
    });

    it('applies an approved proposal and marks it approved', () => {
      const approved: TaskEvent = {
        type: 'TargetRevised',
        schemaVersion: 1,
        data: {
          taskId: TASK_ID,
          targetId: TARGET_1,
          revisionId: 'rev-1',
          before: { value: 100 },
          after: { value: 80 },
          reason: '部分小区改造计划推迟',
          proposedBy: 区数据局.id,
          approvedBy: supervisor.id,
        },
      };
      const target = target1(...imported, proposed('rev-1', 区数据局, { value: 80 }), approved);
      expect(target.current.value).toBe(80);
      expect(target.revisions).toEqual([
        expect.objectContaining({
          revisionId: 'rev-1',
          status: 'approved',
          approvedBy: supervisor.id,
        }),
      ]);
    });

    it('moves the due date when an extension is approved', () => {
      const requested = [...imported, extensionRequested('ext-1')];
      expect(pendingExtension(target1(...requested))?.extensionId).toBe('ext-1');
      const target = target1(...requested, extensionApproved('2025-02-28'));
      expect(target.current.dueDate).toBe('2025-02-28');
      expect(target.original.dueDate).toBe('2024-12-31');
      expect(pendingExtension(target)).toBeUndefined();
      expect(
        currentTerms(fold(...requested, extensionApproved('2025-02-28')), {
          taskId: TASK_ID,
          targetId: TARGET_1,
        }).dueDate,
      ).toBe('2025-02-28');
    });
  });

  describe('completion', () => {
    const sentBack: TaskEvent = {
      type: 'CompletionSentBack',
      schemaVersion: 1,
      data: {
        taskId: TASK_ID,
        targetId: TARGET_1,
        sentBackBy: supervisor.id,
        reason: '佐证材料不足',
      },
    };
    const reopened: TaskEvent = {
      type: 'TargetReopened',
      schemaVersion: 1,
      data: {
        taskId: TASK_ID,
        targetId: TARGET_1,
        reopenedBy: supervisor.id,
        reason: '复核发现未完成',
      },
    };

    it('goes open → claimed → verified → open again when reopened', () => {
      expect(target1(...imported, claimed()).completion).toEqual({
        status: 'claimed',
        claim: { unit: '区数据局', claimedBy: 区数据局.id, evidence: ['验收报告.pdf'] },
      });
      expect(target1(...imported, claimed(), verified()).completion.status).toBe('verified');
      expect(target1(...imported, claimed(), verified(), reopened).completion.status).toBe('open');
    });

    it('is open again after a claim is sent back', () => {
      expect(target1(...imported, claimed(), sentBack).completion.status).toBe('open');
    });
  });

  it('keeps every report on the target in recording order', () => {
    const report = (milestoneId: string, value: number, asOf: string): TaskEvent => ({
      type: 'MilestoneReported',
      schemaVersion: 1,
      data: {
        taskId: TASK_ID,
        targetId: TARGET_1,
        milestoneId,
        unit: '区数据局',
        value,
        asOf,
        basis: 'in-period',
        evidence: [],
      },
    });
    expect(
      target1(...imported, report('m-1', 30, '2024-03-31'), report('m-2', 55, '2024-06-30'))
        .reports,
    ).toEqual([
      {
        milestoneId: 'm-1',
        unit: '区数据局',
        value: 30,
        asOf: '2024-03-31',
        basis: 'in-period',
        evidence: [],
      },
      {
        milestoneId: 'm-2',
        unit: '区数据局',
        value: 55,
        asOf: '2024-06-30',
        basis: 'in-period',
        evidence: [],
      },
    ]);
  });
});
