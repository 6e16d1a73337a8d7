import type { Actor } from '../../events/event-metadata';
import { ForbiddenError } from '../../errors';
import { unitOfLead } from '../../shared/authority';
import { assignmentsAt, roleOnTarget } from '../task-queries';
import type { Assignment, RegisteredTask } from '../task-state';

/**
 * A unit's authority over a target comes from its assignment (to the task or to the target),
 * not from having acknowledged it: a unit that has yet to sign for its task may still report.
 */
export function requireLeadUnitOfTarget(
  task: RegisteredTask,
  actor: Actor,
  targetId: string,
): string {
  const unit = unitOfLead(actor);
  if (roleOnTarget(task, targetId, unit) !== 'lead') {
    throw new ForbiddenError(
      `${unit} is not the lead unit of target ${targetId}`,
      { unit, targetId },
      'unit-not-lead',
    );
  }
  return unit;
}

/** The lead unit of a target, or (no `targetId`) of the task as a whole. */
export function requireLeadUnitOfItem(
  task: RegisteredTask,
  actor: Actor,
  targetId: string | undefined,
): string {
  if (targetId !== undefined) return requireLeadUnitOfTarget(task, actor, targetId);
  const unit = unitOfLead(actor);
  const leads = assignmentsAt(task, { taskId: task.taskId }).filter(
    (a) => a.unit === unit && a.role === 'lead' && !a.isGroup,
  );
  if (leads.length === 0) {
    throw new ForbiddenError(
      `${unit} is not the lead unit of task ${task.taskId}`,
      { unit, taskId: task.taskId },
      'unit-not-lead',
    );
  }
  return unit;
}

/**
 * A unit that owes the target or task (lead or supporting) and may report on it: one that
 * returned (退回) its assignment, or was removed from it, has no figure to give.
 */
export function requireReportingUnit(
  task: RegisteredTask,
  actor: Actor,
  targetId: string | undefined,
): string {
  const unit = unitOfLead(actor);
  const held: readonly Assignment[] = task.assignments.filter(
    (a) =>
      a.unit === unit &&
      !a.isGroup &&
      (targetId === undefined
        ? a.targetId === undefined
        : a.targetId === undefined || a.targetId === targetId),
  );
  const item = targetId ?? task.taskId;
  if (held.length === 0) {
    throw new ForbiddenError(
      `${unit} is neither lead nor supporting unit of ${item}`,
      { unit, item },
      'unit-not-owner',
    );
  }
  if (held.every((a) => a.lastAnswer?.kind === 'declined')) {
    throw new ForbiddenError(
      `${unit} returned its assignment of ${item} and cannot report on it`,
      { unit, item },
      'unit-declined',
    );
  }
  return unit;
}

/** Only a unit's own people answer for it. */
export function requireActingFor(actor: Actor, unit: string): void {
  if (unitOfLead(actor) !== unit) {
    throw new ForbiddenError(
      `${actor.unit} may not answer for ${unit}`,
      { unit, actorUnit: actor.unit },
      'not-own-unit',
    );
  }
}
