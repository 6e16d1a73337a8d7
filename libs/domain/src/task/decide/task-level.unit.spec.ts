import type { TaskEvent } from '../../events/task-events';
import { deciderSpec } from '../../testing/given-when-then';
import {
  command,
  fold,
  imported,
  supervisor,
  TASK_ID,
  区城运中心,
  区委网信办,
  区数据局,
} from '../../testing/task-fixtures';
import { taskDecider } from '../task-decider';

/**
 * A task without a quantified target (7 of the seed's 18) has the lifecycle of a target at task
 * level: progress notes, extensions, completion with verify / send back / reopen.
 */
const { given } = deciderSpec(taskDecider);
const task = { taskId: TASK_ID };
const withoutTargets = imported.filter((e) => e.type !== 'TargetRegistered');

const note = (actor = 区数据局, extra: object = {}) =>
  command(
    'ReportTaskProgress',
    {
      ...task,
      reportId: 'p-1',
      asOf: '2024-06-14',
      note: '已召开专题协调会',
      evidence: [],
      ...extra,
    },
    actor,
  );
const progressed = (unit: string, extra: object = {}): TaskEvent => ({
  type: 'TaskProgressReported',
  schemaVersion: 1,
  data: {
    taskId: TASK_ID,
    reportId: 'p-1',
    unit,
    asOf: '2024-06-14',
    note: '已召开专题协调会',
    evidence: [],
    ...extra,
  },
});
const claimedTask: TaskEvent = {
  type: 'CompletionClaimed',
  schemaVersion: 1,
  data: { taskId: TASK_ID, unit: '区数据局', claimedBy: 区数据局.id, evidence: ['https://oa/1'] },
};
const verifiedTask: TaskEvent = {
  type: 'CompletionVerified',
  schemaVersion: 1,
  data: { taskId: TASK_ID, verifiedBy: supervisor.id },
};

describe('ReportTaskProgress', () => {
  it('records a progress note, optionally with a percent', () => {
    given(...withoutTargets)
      .when(note(区数据局, { percent: 40 }))
      .then(progressed('区数据局', { percent: 40 }));
  });

  it('accepts a note from a supporting unit', () => {
    given(...withoutTargets)
      .when(note(区委网信办))
      .then(progressed('区委网信办'));
  });

  it('needs a note, and a percent from 0 to 100', () => {
    given(...withoutTargets)
      .when(note(区数据局, { note: '' }))
      .thenThrows('rule-violation', 'note must not be empty');
    given(...withoutTargets)
      .when(note(区数据局, { percent: 120 }))
      .thenThrows('rule-violation', 'percent');
  });

  it('is refused on a task that has targets: those are reported on', () => {
    const error = given(...imported)
      .when(note())
      .thenThrows('rule-violation', 'has quantified targets');
    expect(error.rule).toBe('task-has-targets');
  });

  it('is forbidden to a unit that does not owe the task', () => {
    given(...withoutTargets)
      .when(note(区城运中心))
      .thenThrows('forbidden');
  });

  it('is refused once the task is verified', () => {
    given(...withoutTargets, claimedTask, verifiedTask)
      .when(note())
      .thenThrows('illegal-state', 'verified');
  });
});

describe('task-level completion', () => {
  it('lets the lead unit claim the task done, and a supervisor verify it', () => {
    given(...withoutTargets)
      .when(command('ClaimCompletion', { ...task, evidence: ['https://oa/1'] }, 区数据局))
      .then(claimedTask);
    given(...withoutTargets, claimedTask)
      .when(command('VerifyCompletion', { ...task }, supervisor))
      .then(verifiedTask);
  });

  it('sends a claim back and reopens a verified task', () => {
    given(...withoutTargets, claimedTask)
      .when(command('SendBackCompletion', { ...task, reason: '佐证不足' }, supervisor))
      .then({
        type: 'CompletionSentBack',
        schemaVersion: 1,
        data: { taskId: TASK_ID, sentBackBy: supervisor.id, reason: '佐证不足' },
      });
    given(...withoutTargets, claimedTask, verifiedTask)
      .when(command('ReopenTarget', { ...task, reason: '复核未完成' }, supervisor))
      .then({
        type: 'TargetReopened',
        schemaVersion: 1,
        data: { taskId: TASK_ID, reopenedBy: supervisor.id, reason: '复核未完成' },
      });
  });

  it('forbids a supporting unit to claim it', () => {
    given(...withoutTargets)
      .when(command('ClaimCompletion', { ...task, evidence: ['https://oa/1'] }, 区委网信办))
      .thenThrows('forbidden', 'not the lead unit of task');
  });

  it('folds the task’s completion', () => {
    expect(fold(...withoutTargets, claimedTask, verifiedTask).completion.status).toBe('verified');
  });
});

describe('task-level extensions', () => {
  const request = command(
    'RequestDeadlineExtension',
    { ...task, extensionId: 'e-1', requestedDueDate: '2025-03-31', reason: '需市级部门配合' },
    区数据局,
  );
  const requested: TaskEvent = {
    type: 'DeadlineExtensionRequested',
    schemaVersion: 1,
    data: {
      taskId: TASK_ID,
      extensionId: 'e-1',
      unit: '区数据局',
      requestedBy: 区数据局.id,
      currentDueDate: '2024-12-31',
      requestedDueDate: '2025-03-31',
      reason: '需市级部门配合',
    },
  };
  const approved: TaskEvent = {
    type: 'DeadlineExtensionApproved',
    schemaVersion: 1,
    data: {
      taskId: TASK_ID,
      extensionId: 'e-1',
      approvedBy: supervisor.id,
      previousDueDate: '2024-12-31',
      newDueDate: '2025-02-28',
    },
  };

  it('takes a request from the lead unit and an approval with an exact date', () => {
    given(...withoutTargets)
      .when(request)
      .then(requested);
    given(...withoutTargets, requested)
      .when(
        command(
          'ApproveDeadlineExtension',
          { ...task, extensionId: 'e-1', newDueDate: '2025-02-28' },
          supervisor,
        ),
      )
      .then(approved);
  });

  it('moves the task’s due date when approved', () => {
    expect(fold(...withoutTargets, requested, approved).dueDate).toBe('2025-02-28');
  });

  it('is refused on a task that has targets', () => {
    given(...imported)
      .when(request)
      .thenThrows('rule-violation', 'has quantified targets');
  });
});
