import type { Actor } from '../../events/event-metadata';
import type { TargetTermsChange, TaskEvent } from '../../events/task-events';
import { deciderSpec } from '../../testing/given-when-then';
import {
  claimed,
  command,
  fold,
  imported,
  otherSupervisor,
  proposed,
  revised,
  supervisor,
  TARGET_1,
  TASK_ID,
  verified,
  viewer,
  withActor,
  区城运中心,
  区委网信办,
  区数据局,
} from '../../testing/task-fixtures';
import { decideTask } from '../decide-task';
import { taskDecider } from '../task-decider';

const { given } = deciderSpec(taskDecider);
const revise = (
  changes: TargetTermsChange,
  extra: { reason?: string; reference?: string; revisionId?: string } = {},
) =>
  command(
    'ReviseTarget',
    { targetId: TARGET_1, revisionId: 'rev-1', changes, reason: '区政府常务会议调整', ...extra },
    supervisor,
  );
const propose = (
  actor: Actor,
  changes: TargetTermsChange = { value: 80 },
  extra: { reason?: string; revisionId?: string } = {},
) =>
  command(
    'ProposeTargetRevision',
    { targetId: TARGET_1, revisionId: 'rev-1', changes, reason: '部分小区改造计划推迟', ...extra },
    actor,
  );
const REFERENCE = '长府办〔2024〕12号';
/** `null`: the approval names no 文号. */
const approve = (actor: Actor, revisionId = 'rev-1', reference: string | null = REFERENCE) =>
  command(
    'ApproveTargetRevision',
    { targetId: TARGET_1, revisionId, ...(reference !== null ? { reference } : {}) },
    actor,
  );
const reject = (actor: Actor, reason = '理由不充分', revisionId = 'rev-1') =>
  command('RejectTargetRevision', { targetId: TARGET_1, revisionId, reason }, actor);
const leadProposal = proposed('rev-1', 区数据局, { value: 80 });
const rejectedEvent: TaskEvent = {
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

describe('ReviseTarget', () => {
  it('records the changed fields before and after, the supervisor as proposer and approver', () => {
    given(...imported)
      .when(revise({ value: 120 }, { reference: '长府办〔2024〕12号' }))
      .then({
        type: 'TargetRevised',
        schemaVersion: 1,
        data: {
          taskId: TASK_ID,
          targetId: TARGET_1,
          revisionId: 'rev-1',
          before: { value: 100 },
          after: { value: 120 },
          reason: '区政府常务会议调整',
          reference: '长府办〔2024〕12号',
          proposedBy: supervisor.id,
          approvedBy: supervisor.id,
        },
      });
  });

  it('leaves out fields sent unchanged', () => {
    given(...imported)
      .when(revise({ value: 120, unit: '个', dueDate: '2024-11-30' }))
      .then(
        revised(
          TARGET_1,
          'rev-1',
          { value: 100, dueDate: '2024-12-31' },
          { value: 120, dueDate: '2024-11-30' },
        ),
      );
  });

  describe('four eyes by default', () => {
    const asProposal = (changes: TargetTermsChange): TaskEvent => ({
      type: 'TargetRevisionProposed',
      schemaVersion: 1,
      data: {
        taskId: TASK_ID,
        targetId: TARGET_1,
        revisionId: 'rev-1',
        proposedBy: supervisor.id,
        changes,
        reason: '区政府常务会议调整',
      },
    });

    it.each<[string, TargetTermsChange]>([
      ['a lower value', { value: 80 }],
      ['another comparator', { comparator: 'gt' }],
      ['another unit of measure', { unit: '户' }],
      ['a later due date', { dueDate: '2025-03-31' }],
      ['a higher value with a later due date', { value: 120, dueDate: '2025-03-31' }],
    ])('records %s by one supervisor as that supervisor’s proposal', (_what, changes) => {
      given(...imported)
        .when(revise(changes))
        .then(asProposal(changes));
    });

    it('applies a raised value or an earlier due date at once', () => {
      given(...imported)
        .when(revise({ value: 120, dueDate: '2024-10-31' }))
        .then(
          revised(
            TARGET_1,
            'rev-1',
            { value: 100, dueDate: '2024-12-31' },
            { value: 120, dueDate: '2024-10-31' },
          ),
        );
    });

    it('reads "lower" by the comparator: a larger ceiling is a lowering of an at-most target', () => {
      const atMost: TaskEvent = revised(
        TARGET_1,
        'rev-0',
        { comparator: 'gte' },
        { comparator: 'lte' },
      );
      given(...imported, atMost)
        .when(revise({ value: 120 }))
        .then(asProposal({ value: 120 }));
    });

    it('applies every change at once under a policy that lets one supervisor decide', () => {
      const policy = {
        loweringNeedsSecondSupervisor: false,
        redefiningNeedsSecondSupervisor: false,
        laterDeadlineNeedsSecondSupervisor: false,
        referenceRequiredToApproveLowering: false,
      };
      const state = fold(...imported);
      expect(decideTask(revise({ value: 80 }), state, policy)).toEqual([
        revised(TARGET_1, 'rev-1', { value: 100 }, { value: 80 }),
      ]);
    });

    it('lets a second supervisor approve the proposal with a 文号', () => {
      given(...imported, asProposal({ value: 80 }))
        .when(approve(otherSupervisor))
        .then({
          ...revised(TARGET_1, 'rev-1', { value: 100 }, { value: 80 }),
          data: {
            ...revised(TARGET_1, 'rev-1', { value: 100 }, { value: 80 }).data,
            reference: REFERENCE,
            approvedBy: otherSupervisor.id,
          },
        } as TaskEvent);
    });

    it('refuses to approve a lowering without a 文号', () => {
      const error = given(...imported, asProposal({ value: 80 }))
        .when(approve(otherSupervisor, 'rev-1', null))
        .thenThrows('rule-violation', '文号');
      expect(error.rule).toBe('reference-required');
    });

    it('approves a later due date without a 文号', () => {
      const [event] = given(...imported, asProposal({ dueDate: '2025-03-31' }))
        .when(approve(otherSupervisor, 'rev-1', null))
        .decision();
      expect(event).toMatchObject({
        type: 'TargetRevised',
        data: { after: { dueDate: '2025-03-31' } },
      });
    });
  });

  it('refuses a revision that changes nothing', () => {
    given(...imported)
      .when(revise({ value: 100, unit: '个' }))
      .thenThrows('rule-violation', 'changes nothing');
  });

  it('refuses an empty change', () => {
    given(...imported)
      .when(revise({}))
      .thenThrows('rule-violation', 'changes nothing');
  });

  it('needs a reason', () => {
    given(...imported)
      .when(revise({ value: 120 }, { reason: '' }))
      .thenThrows('rule-violation', 'reason');
  });

  it.each([
    [{ comparator: 'about' as never }, 'comparator'],
    [{ dueDate: '2024-13-01' }, 'dueDate'],
    [{ unit: ' ' }, 'unit'],
    [{ value: Number.POSITIVE_INFINITY }, 'value'],
  ])('refuses an invalid change %j', (changes, field) => {
    given(...imported)
      .when(revise(changes))
      .thenThrows('rule-violation', field);
  });

  it('refuses a revision id already used', () => {
    given(...imported, revised(TARGET_1, 'rev-1', { value: 100 }, { value: 120 }))
      .when(revise({ value: 130 }))
      .thenThrows('rule-violation', 'rev-1 is already used');
  });

  it('is refused while a proposal is pending', () => {
    given(...imported, leadProposal)
      .when(revise({ value: 120 }, { revisionId: 'rev-2' }))
      .thenThrows('illegal-state', 'rev-1');
  });

  it('is refused on a verified target', () => {
    given(...imported, claimed(), verified())
      .when(revise({ value: 120 }))
      .thenThrows('illegal-state');
  });

  it.each([区数据局, viewer])('is forbidden to a $role', (actor) => {
    given(...imported)
      .when(withActor(revise({ value: 120 }), actor))
      .thenThrows('forbidden');
  });

  it('is not found for an unknown target', () => {
    given(...imported)
      .when({
        ...revise({ value: 120 }),
        data: { ...revise({ value: 120 }).data, targetId: `${TASK_ID}-g9` },
      })
      .thenThrows('not-found');
  });
});

describe('ProposeTargetRevision', () => {
  it('lets the lead unit propose a change, recording only what would change', () => {
    given(...imported)
      .when(propose(区数据局, { value: 80, unit: '个' }))
      .then(leadProposal);
  });

  it('lets a supervisor propose, to have the change approved by another', () => {
    given(...imported)
      .when(propose(supervisor, { value: 80 }))
      .then(proposed('rev-1', supervisor, { value: 80 }));
  });

  it('is forbidden to a supporting unit', () => {
    given(...imported)
      .when(propose(区委网信办))
      .thenThrows('forbidden', '区委网信办 is not the lead unit');
  });

  it('is forbidden to the lead of another unit', () => {
    given(...imported)
      .when(propose(区城运中心))
      .thenThrows('forbidden');
  });

  it('is refused while another proposal is pending', () => {
    given(...imported, leadProposal)
      .when(propose(区数据局, { value: 90 }, { revisionId: 'rev-2' }))
      .thenThrows('illegal-state');
  });

  it('refuses a proposal that changes nothing', () => {
    given(...imported)
      .when(propose(区数据局, { value: 100 }))
      .thenThrows('rule-violation', 'changes nothing');
  });

  it('needs a reason', () => {
    given(...imported)
      .when(propose(区数据局, { value: 80 }, { reason: ' ' }))
      .thenThrows('rule-violation', 'reason');
  });

  it('is refused on a verified target', () => {
    given(...imported, claimed(), verified())
      .when(propose(区数据局))
      .thenThrows('illegal-state');
  });
});

describe('ApproveTargetRevision', () => {
  it('applies the lead’s proposal: proposer and approver both recorded', () => {
    given(...imported, leadProposal)
      .when(approve(supervisor))
      .then({
        type: 'TargetRevised',
        schemaVersion: 1,
        data: {
          taskId: TASK_ID,
          targetId: TARGET_1,
          revisionId: 'rev-1',
          before: { value: 100 },
          after: { value: 80 },
          reason: '部分小区改造计划推迟',
          reference: REFERENCE,
          proposedBy: 区数据局.id,
          approvedBy: supervisor.id,
        },
      });
  });

  describe('four eyes', () => {
    const supervisorProposal = proposed('rev-1', supervisor, { value: 80 });

    it('forbids the proposer to approve their own proposal', () => {
      given(...imported, supervisorProposal)
        .when(approve(supervisor))
        .thenThrows('forbidden', 'other than its proposer');
    });

    it('lets another supervisor approve it', () => {
      given(...imported, supervisorProposal)
        .when(approve(otherSupervisor))
        .then({
          type: 'TargetRevised',
          schemaVersion: 1,
          data: {
            taskId: TASK_ID,
            targetId: TARGET_1,
            revisionId: 'rev-1',
            before: { value: 100 },
            after: { value: 80 },
            reason: '部分小区改造计划推迟',
            reference: REFERENCE,
            proposedBy: supervisor.id,
            approvedBy: otherSupervisor.id,
          },
        });
    });

    it('forbids the same person to approve under a supervisor role', () => {
      given(...imported, leadProposal)
        .when(approve({ id: 区数据局.id, role: 'supervisor' }))
        .thenThrows('forbidden');
    });
  });

  it('carries the proposal’s reference into the revision', () => {
    const withReference = proposed('rev-1', 区数据局, { value: 80 }, '长数转办〔2024〕3号');
    const [event] = given(...imported, withReference)
      .when(approve(supervisor, 'rev-1', null))
      .decision();
    expect(event).toMatchObject({
      type: 'TargetRevised',
      data: { reference: '长数转办〔2024〕3号' },
    });
  });

  it('is refused for a proposal already approved', () => {
    const approved: TaskEvent = {
      type: 'TargetRevised',
      schemaVersion: 1,
      data: {
        taskId: TASK_ID,
        targetId: TARGET_1,
        revisionId: 'rev-1',
        before: { value: 100 },
        after: { value: 80 },
        reason: 'x',
        proposedBy: 区数据局.id,
        approvedBy: supervisor.id,
      },
    };
    given(...imported, leadProposal, approved)
      .when(approve(otherSupervisor))
      .thenThrows('illegal-state', 'already approved');
  });

  it('is refused for a proposal already rejected', () => {
    given(...imported, leadProposal, rejectedEvent)
      .when(approve(otherSupervisor))
      .thenThrows('illegal-state', 'already rejected');
  });

  it('is refused when the terms in force already say what the proposal asks', () => {
    const dueDateProposal = proposed('rev-1', 区数据局, { dueDate: '2025-03-31' });
    const extended: TaskEvent = {
      type: 'DeadlineExtensionApproved',
      schemaVersion: 1,
      data: {
        taskId: TASK_ID,
        targetId: TARGET_1,
        extensionId: 'ext-1',
        approvedBy: supervisor.id,
        previousDueDate: '2024-12-31',
        newDueDate: '2025-03-31',
      },
    };
    given(...imported, dueDateProposal, extended)
      .when(approve(supervisor))
      .thenThrows('rule-violation', 'changes nothing');
  });

  it('is refused on a verified target', () => {
    given(...imported, leadProposal, claimed(), verified())
      .when(approve(supervisor))
      .thenThrows('illegal-state', 'verified');
  });

  it('is not found for an unknown revision', () => {
    given(...imported, leadProposal)
      .when(approve(supervisor, 'rev-9'))
      .thenThrows('not-found');
  });

  it('is forbidden to a lead', () => {
    given(...imported, leadProposal)
      .when(approve(区委网信办))
      .thenThrows('forbidden');
  });
});

describe('RejectTargetRevision', () => {
  it('rejects a pending proposal with a reason', () => {
    given(...imported, leadProposal)
      .when(reject(supervisor))
      .then(rejectedEvent);
  });

  it('forbids the proposer to decide their own proposal', () => {
    given(...imported, proposed('rev-1', supervisor, { value: 80 }))
      .when(reject(supervisor))
      .thenThrows('forbidden');
  });

  it('needs a reason', () => {
    given(...imported, leadProposal)
      .when(reject(supervisor, ''))
      .thenThrows('rule-violation', 'reason');
  });

  it('is refused for a proposal already rejected', () => {
    given(...imported, leadProposal, rejectedEvent)
      .when(reject(otherSupervisor))
      .thenThrows('illegal-state');
  });

  it('is not found for an unknown revision', () => {
    given(...imported)
      .when(reject(supervisor))
      .thenThrows('not-found');
  });

  it('is forbidden to a lead', () => {
    given(...imported, leadProposal)
      .when(reject(区数据局))
      .thenThrows('forbidden');
  });
});
