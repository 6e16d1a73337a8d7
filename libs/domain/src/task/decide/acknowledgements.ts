import type { TaskEvent } from '../../events/task-events';
import { NotFoundError, RuleViolationError } from '../../errors';
import { requireText } from '../../shared/text-rules';
import type { AcknowledgeAssignment, DeclineAssignment } from '../commands/task-command';
import { requireScope } from '../rules/lookup';
import { requireActingFor } from '../rules/unit-authority';
import { currentTerms, findAssignment, termsVersionOf } from '../task-queries';
import type { Assignment, RegisteredTask } from '../task-state';

/**
 * 签收 binds to the exact terms in force. Acknowledging a version already acknowledged is refused
 * (the store, not the domain, makes retries idempotent). A unit that declined may still
 * acknowledge the same version later: the refusal was talked over and withdrawn.
 */
export function decideAcknowledge(
  command: AcknowledgeAssignment,
  task: RegisteredTask,
): TaskEvent[] {
  const { scope, assignment, version } = answerable(command, task);
  if (assignment.lastAnswer?.kind === 'acknowledged' && assignment.lastAnswer.version === version) {
    throw new RuleViolationError(
      `${assignment.unit} has already acknowledged version ${version} of these terms`,
      { unit: assignment.unit, version },
      'already-acknowledged',
    );
  }
  return [
    {
      type: 'AssignmentAcknowledged',
      schemaVersion: 1,
      data: {
        ...scope,
        unit: assignment.unit,
        role: assignment.role,
        terms: currentTerms(task, scope),
      },
    },
  ];
}

/** 退回 needs a reason, and answers one version once: after acknowledging, talk to the supervisor. */
export function decideDecline(command: DeclineAssignment, task: RegisteredTask): TaskEvent[] {
  const { scope, assignment, version } = answerable(command, task);
  const reason = requireText(command.data.reason, 'reason');
  if (assignment.lastAnswer?.version === version) {
    throw new RuleViolationError(
      `${assignment.unit} has already ${assignment.lastAnswer.kind} version ${version} of these terms`,
      { unit: assignment.unit, version, answer: assignment.lastAnswer.kind },
      'already-answered',
    );
  }
  return [
    {
      type: 'AssignmentDeclined',
      schemaVersion: 1,
      data: {
        ...scope,
        unit: assignment.unit,
        role: assignment.role,
        reason,
        termsVersion: version,
      },
    },
  ];
}

function answerable(command: AcknowledgeAssignment | DeclineAssignment, task: RegisteredTask) {
  const scope = requireScope(task, command.data);
  const { unit } = command.data;
  requireActingFor(command.metadata.actor, unit);
  const assignment: Assignment | undefined = findAssignment(task, scope, unit);
  if (!assignment)
    throw new NotFoundError(
      `${unit} has no assignment at this scope`,
      { unit, ...scope },
      'assignment-not-found',
    );
  if (assignment.isGroup) {
    throw new RuleViolationError(
      `${unit} is a collective placeholder; a supervisor names its units first`,
      { unit },
      'unit-is-placeholder',
    );
  }
  return { scope, assignment, version: termsVersionOf(task, scope) };
}
