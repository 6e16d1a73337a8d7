import type { AssignmentScope, TaskEvent, TaskRegistered } from '../events/task-events';
import { assignmentsAt, currentTerms, isSameScope, termsVersionOf } from './task-queries';
import type {
  AckStatus,
  Assignment,
  ItemLifecycle,
  RegisteredTask,
  TargetState,
  TaskState,
} from './task-state';

/**
 * Folds one event into the task's state. Total: an event that cannot apply (a stream that does
 * not start with TaskRegistered) leaves the state as it was, so a read model never crashes on it.
 */
export function evolveTask(state: TaskState, event: TaskEvent): TaskState {
  if (state.status === 'none') {
    return event.type === 'TaskRegistered' ? registerTask(event) : state;
  }
  const next = apply(state, event);
  return TERMS_NEUTRAL.has(event.type) ? next : settleTerms(state, next);
}

/**
 * Events that change neither terms nor answers: settling terms after them would return the same
 * state, and it is the costliest step of the fold (it compares every scope's terms), measured at
 * 14 % of a ReportMilestone command (bench/README.md).
 */
const TERMS_NEUTRAL: ReadonlySet<TaskEvent['type']> = new Set<TaskEvent['type']>([
  'MilestoneReported',
  'ReportCorrected',
  'TaskProgressReported',
  'TargetRevisionProposed',
  'TargetRevisionRejected',
  'DeadlineExtensionRequested',
  'DeadlineExtensionRejected',
  'CompletionClaimed',
  'CompletionVerified',
  'CompletionSentBack',
  'TargetReopened',
  'TaskWithdrawn',
]);

function registerTask({ data }: TaskRegistered): RegisteredTask {
  return {
    status: 'registered',
    ...data,
    originalDueDate: data.dueDate,
    termsVersion: 1,
    completion: { status: 'open' },
    extensions: [],
    progressReportIds: [],
    targets: [],
    assignments: [],
  };
}

function apply(state: RegisteredTask, event: TaskEvent): RegisteredTask {
  switch (event.type) {
    case 'TaskRegistered':
      return state;
    case 'TargetRegistered': {
      const {
        planId: _planId,
        taskId: _taskId,
        value,
        comparator,
        unit,
        dueDate,
        ...rest
      } = event.data;
      if (state.targets.some((t) => t.targetId === rest.targetId)) return state;
      const terms = { value, comparator, unit, dueDate };
      const target: TargetState = {
        ...rest,
        original: terms,
        current: terms,
        termsVersion: 1,
        completion: { status: 'open' },
        reports: [],
        revisions: [],
        extensions: [],
      };
      return { ...state, targets: [...state.targets, target] };
    }
    case 'LeadAssigned':
    case 'SupportingUnitAssigned': {
      const role = event.type === 'LeadAssigned' ? 'lead' : 'supporting';
      const assignment: Assignment = { ...event.data, role, ackStatus: 'pending' };
      const others = state.assignments.filter(
        (a) => !(isSameScope(a, event.data) && a.unit === event.data.unit),
      );
      return { ...state, assignments: [...others, assignment] };
    }
    case 'AssignmentRemoved': {
      const { data } = event;
      const gone = (a: Assignment) =>
        isSameScope(a, data) && a.unit === data.unit && a.role === data.role;
      return { ...state, assignments: state.assignments.filter((a) => !gone(a)) };
    }
    case 'AssignmentAcknowledged': {
      const { version } = event.data.terms;
      return updateAssignment(state, event.data, event.data.unit, (a) => ({
        ...a,
        acknowledgedVersion: version,
        lastAnswer: { kind: 'acknowledged', version },
      }));
    }
    case 'AssignmentDeclined': {
      const { termsVersion: version, reason } = event.data;
      return updateAssignment(state, event.data, event.data.unit, (a) => ({
        ...a,
        lastAnswer: { kind: 'declined', version, reason },
      }));
    }
    case 'MilestoneReported': {
      const { taskId: _taskId, targetId, ...report } = event.data;
      return updateTarget(state, targetId, (t) => ({ ...t, reports: [...t.reports, report] }));
    }
    case 'ReportCorrected': {
      const { targetId, reportId, value } = event.data;
      return updateTarget(state, targetId, (t) => ({
        ...t,
        reports: t.reports.map((r) => (r.milestoneId === reportId ? { ...r, value } : r)),
      }));
    }
    case 'TaskProgressReported':
      return {
        ...state,
        progressReportIds: [...state.progressReportIds, event.data.reportId],
      };
    case 'TargetRevisionProposed': {
      const { taskId: _taskId, targetId, ...proposal } = event.data;
      return updateTarget(state, targetId, (t) => ({
        ...t,
        revisions: [...t.revisions, { ...proposal, status: 'pending' }],
      }));
    }
    case 'TargetRevisionRejected': {
      const { targetId, revisionId, rejectedBy, reason } = event.data;
      return updateTarget(state, targetId, (t) => ({
        ...t,
        revisions: t.revisions.map((r) =>
          r.revisionId === revisionId
            ? { ...r, status: 'rejected', rejectedBy, rejectionReason: reason }
            : r,
        ),
      }));
    }
    case 'TargetRevised': {
      const { targetId, revisionId, after, reason, reference, proposedBy, approvedBy } = event.data;
      return updateTarget(state, targetId, (t) => {
        const proposed = t.revisions.some((r) => r.revisionId === revisionId);
        const revisions = proposed
          ? t.revisions.map((r) =>
              r.revisionId === revisionId ? { ...r, status: 'approved' as const, approvedBy } : r,
            )
          : [
              ...t.revisions,
              {
                revisionId,
                proposedBy,
                changes: after,
                reason,
                ...(reference ? { reference } : {}),
                status: 'approved' as const,
                approvedBy,
              },
            ];
        return { ...t, current: { ...t.current, ...after }, revisions };
      });
    }
    case 'DeadlineExtensionRequested': {
      const { taskId: _taskId, targetId, ...request } = event.data;
      return updateItem(state, targetId, (item) => ({
        extensions: [...item.extensions, { ...request, status: 'pending' }],
      }));
    }
    case 'DeadlineExtensionApproved': {
      const { targetId, extensionId, approvedBy, newDueDate } = event.data;
      return updateItem(
        state,
        targetId,
        (item) => ({
          extensions: item.extensions.map((e) =>
            e.extensionId === extensionId
              ? { ...e, status: 'approved', approvedBy, newDueDate }
              : e,
          ),
        }),
        newDueDate,
      );
    }
    case 'DeadlineExtensionRejected': {
      const { targetId, extensionId, rejectedBy, reason } = event.data;
      return updateItem(state, targetId, (item) => ({
        extensions: item.extensions.map((e) =>
          e.extensionId === extensionId
            ? { ...e, status: 'rejected', rejectedBy, rejectionReason: reason }
            : e,
        ),
      }));
    }
    case 'CompletionClaimed': {
      const { taskId: _taskId, targetId, ...claim } = event.data;
      return updateItem(state, targetId, () => ({ completion: { status: 'claimed', claim } }));
    }
    case 'CompletionVerified': {
      const { targetId, verifiedBy, note } = event.data;
      return updateItem(state, targetId, (item) =>
        item.completion.status === 'claimed'
          ? {
              completion: {
                status: 'verified',
                claim: item.completion.claim,
                verifiedBy,
                ...(note ? { note } : {}),
              },
            }
          : {},
      );
    }
    case 'CompletionSentBack':
    case 'TargetReopened':
      return updateItem(state, event.data.targetId, () => ({ completion: { status: 'open' } }));
    case 'TaskWithdrawn':
      return { ...state, withdrawn: { reason: event.data.reason } };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

function updateTarget(
  state: RegisteredTask,
  targetId: string,
  change: (t: TargetState) => TargetState,
): RegisteredTask {
  return { ...state, targets: state.targets.map((t) => (t.targetId === targetId ? change(t) : t)) };
}

/**
 * Changes the lifecycle of a target, or of the task itself when `targetId` is absent (a task
 * without targets); `dueDate`, when given, is the item's new due date.
 */
function updateItem(
  state: RegisteredTask,
  targetId: string | undefined,
  change: (item: ItemLifecycle) => Partial<ItemLifecycle>,
  dueDate?: string,
): RegisteredTask {
  if (targetId === undefined) {
    return { ...state, ...change(state), ...(dueDate ? { dueDate } : {}) };
  }
  return updateTarget(state, targetId, (t) => ({
    ...t,
    ...change(t),
    ...(dueDate ? { current: { ...t.current, dueDate } } : {}),
  }));
}

function updateAssignment(
  state: RegisteredTask,
  scope: AssignmentScope,
  unit: string,
  change: (a: Assignment) => Assignment,
): RegisteredTask {
  return {
    ...state,
    assignments: state.assignments.map((a) =>
      isSameScope(a, scope) && a.unit === unit ? change(a) : a,
    ),
  };
}

/**
 * Terms versions and acknowledgement statuses after an event. A scope's version starts at 1 and
 * increases when its terms change while some unit at that scope has answered the current version:
 * that answer is now outdated (reopened). A change nobody has answered yet needs no new version,
 * so the terms set up by an import are all version 1.
 */
function settleTerms(before: RegisteredTask, after: RegisteredTask): RegisteredTask {
  const bump = (scope: AssignmentScope) => (bumps(before, after, scope) ? 1 : 0);
  const versioned: RegisteredTask = {
    ...after,
    termsVersion: after.termsVersion + bump({ taskId: after.taskId }),
    targets: after.targets.map((t) => ({
      ...t,
      termsVersion: t.termsVersion + bump({ taskId: after.taskId, targetId: t.targetId }),
    })),
  };
  return {
    ...versioned,
    assignments: versioned.assignments.map((a) => ({
      ...a,
      ackStatus: ackStatusOf(a, termsVersionOf(versioned, a)),
    })),
  };
}

/** A scope that did not exist before the event (a target just registered) starts at 1. */
function bumps(before: RegisteredTask, after: RegisteredTask, scope: AssignmentScope): boolean {
  if (scope.targetId !== undefined && !before.targets.some((t) => t.targetId === scope.targetId))
    return false;
  const version = termsVersionOf(after, scope);
  const answered = assignmentsAt(after, scope).some((a) => a.lastAnswer?.version === version);
  return answered && termsKey(before, scope) !== termsKey(after, scope);
}

function termsKey(state: RegisteredTask, scope: AssignmentScope): string {
  const { version: _version, ...terms } = currentTerms(state, scope);
  return JSON.stringify(terms);
}

function ackStatusOf(assignment: Assignment, currentVersion: number): AckStatus {
  const answer = assignment.lastAnswer;
  if (!answer) return 'pending';
  return answer.version === currentVersion ? answer.kind : 'reopened';
}
