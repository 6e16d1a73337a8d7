import type { Actor, Role } from '../events/event-metadata';
import { ForbiddenError } from '../errors';

/**
 * Roles are checked before anything else: a viewer never acts, an admin only imports plans,
 * a supervisor directs and reviews, a lead acts for its own unit.
 */
export function requireRole(actor: Actor, ...roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new ForbiddenError(
      `role '${actor.role}' may not do this; needs ${roles.join(' or ')}`,
      { actorId: actor.id, role: actor.role, roles: roles.join('/') },
      'role-not-allowed',
    );
  }
}

/** A lead actor's own unit; a lead token without a unit can act for nobody. */
export function unitOfLead(actor: Actor): string {
  if (actor.role !== 'lead' || !actor.unit) {
    throw new ForbiddenError(
      'only a lead acting for a unit may do this',
      { actorId: actor.id },
      'lead-unit-required',
    );
  }
  return actor.unit;
}
