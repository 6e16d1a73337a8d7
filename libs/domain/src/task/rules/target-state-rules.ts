import { IllegalStateError } from '../../errors';
import type { TargetState } from '../task-state';

/** A verified (销号) target is closed: reopen it before changing or reporting on it. */
export function requireNotVerified(target: TargetState): void {
  if (target.completion.status === 'verified') {
    throw new IllegalStateError(
      `target ${target.targetId} is verified and closed; reopen it first`,
      {
        targetId: target.targetId,
      },
    );
  }
}
