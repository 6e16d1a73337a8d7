import { IllegalStateError } from '../../errors';
import type { CompletionState } from '../task-state';

/** What is closed: a target (by its id), or a task without targets, or a work item (its `id`). */
interface Closable {
  readonly completion: CompletionState;
  readonly targetId?: string;
  readonly id?: string;
  readonly taskId?: string;
}

/** A verified (销号) target or task is closed: reopen it before changing or reporting on it. */
export function requireNotVerified(item: Closable): void {
  if (item.completion.status === 'verified') {
    const id = item.targetId ?? item.id ?? item.taskId;
    throw new IllegalStateError(
      `${id} is verified and closed; reopen it first`,
      { item: id },
      'item-closed',
    );
  }
}
