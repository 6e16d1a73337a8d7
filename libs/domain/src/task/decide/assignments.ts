import type { AssignmentRole, AssignmentScope, TaskEvent } from '../../events/task-events';
import { NotFoundError, RuleViolationError } from '../../errors';
import { compact, requireText } from '../../shared/text-rules';
import type { AssignLead, AssignSupportingUnit, RemoveAssignment } from '../commands/task-command';
import { requireScope } from '../rules/lookup';
import { assignmentsAt, findAssignment } from '../task-queries';
import type { RegisteredTask } from '../task-state';

const ROLE_NAME: Record<AssignmentRole, string> = { lead: 'lead', supporting: 'supporting unit' };

/**
 * A unit holds one role per target, either through the task or on the target itself. So the
 * same role twice is refused, and so is the other role: turning a supporting unit into the lead
 * (or back) takes a RemoveAssignment with its own reason first, so the trail says why.
 */
export function decideAssign(
  command: AssignLead | AssignSupportingUnit,
  task: RegisteredTask,
): TaskEvent[] {
  const scope = requireScope(task, command.data);
  const unit = requireText(command.data.unit, 'unit');
  const reason = requireText(command.data.reason, 'reason');
  const role: AssignmentRole = command.type === 'AssignLead' ? 'lead' : 'supporting';

  const conflict = conflictingAssignment(task, unit, scope.targetId);
  if (conflict) {
    const where =
      conflict.targetId === undefined ? `task ${conflict.taskId}` : `target ${conflict.targetId}`;
    const message =
      conflict.role === role && conflict.targetId === scope.targetId
        ? `${unit} is already the ${ROLE_NAME[role]} of ${where}`
        : `${unit} is already ${ROLE_NAME[conflict.role]} of ${where}; remove that assignment first`;
    throw new RuleViolationError(
      message,
      { unit, role: conflict.role, ...conflict.scope },
      'already-assigned',
    );
  }

  const data = compact({ ...scope, unit, reason });
  return [
    role === 'lead'
      ? { type: 'LeadAssigned', schemaVersion: 1, data }
      : { type: 'SupportingUnitAssigned', schemaVersion: 1, data },
  ];
}

function conflictingAssignment(task: RegisteredTask, unit: string, targetId: string | undefined) {
  const found = task.assignments.find(
    (a) =>
      a.unit === unit &&
      (targetId === undefined || a.targetId === undefined || a.targetId === targetId),
  );
  return found && { ...found, scope: compact({ taskId: found.taskId, targetId: found.targetId }) };
}

export function decideRemoveAssignment(
  command: RemoveAssignment,
  task: RegisteredTask,
): TaskEvent[] {
  const scope = requireScope(task, command.data);
  const { unit } = command.data;
  const role = command.data.role ?? roleToRemove(task, scope, unit);
  const assignment = findAssignment(task, scope, unit);
  if (!assignment || assignment.role !== role) {
    throw new NotFoundError(
      `${unit} is not ${ROLE_NAME[role]} at this scope`,
      { unit, role, ...scope },
      'assignment-not-found',
    );
  }
  const reason = requireText(command.data.reason, 'reason');
  return [
    {
      type: 'AssignmentRemoved',
      schemaVersion: 1,
      data: compact({ ...scope, unit, role, reason }),
    },
  ];
}

/**
 * A removal that names no role concerns the one role the unit holds at the scope. A unit with no
 * role there is not found as a lead; one holding both roles (possible only through a plan that
 * named it twice) must say which.
 */
function roleToRemove(task: RegisteredTask, scope: AssignmentScope, unit: string): AssignmentRole {
  const roles = assignmentsAt(task, scope)
    .filter((a) => a.unit === unit)
    .map((a) => a.role);
  if (roles.length > 1)
    throw new NotFoundError(`${unit} holds both roles at this scope: say which to remove`, {
      unit,
      ...scope,
    });
  return roles[0] ?? 'lead';
}
