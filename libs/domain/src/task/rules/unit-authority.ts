import type { Actor } from '../../events/event-metadata';
import { ForbiddenError } from '../../errors';
import { unitOfLead } from '../../shared/authority';
import { roleOnTarget } from '../task-queries';
import type { RegisteredTask } from '../task-state';

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
    throw new ForbiddenError(`${unit} is not the lead unit of target ${targetId}`, {
      unit,
      targetId,
    });
  }
  return unit;
}

export function requireOwnerUnitOfTarget(
  task: RegisteredTask,
  actor: Actor,
  targetId: string,
): string {
  const unit = unitOfLead(actor);
  if (roleOnTarget(task, targetId, unit) === undefined) {
    throw new ForbiddenError(`${unit} is neither lead nor supporting unit of target ${targetId}`, {
      unit,
      targetId,
    });
  }
  return unit;
}

/** Only a unit's own people answer for it. */
export function requireActingFor(actor: Actor, unit: string): void {
  if (unitOfLead(actor) !== unit) {
    throw new ForbiddenError(`${actor.unit} may not answer for ${unit}`, {
      unit,
      actorUnit: actor.unit,
    });
  }
}
