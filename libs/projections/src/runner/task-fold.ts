import type { RecordedEvent } from '@duty-ledger/event-store';
import { asDomainEvent, isPlanEvent, metadataOf } from '../shared/domain-events';
import { evolveTaskView } from '../shared/task-view';
import type { TaskViewStore, TaskViewTable } from '../shared/task-view-store';
import type { TaskChange } from './projection';

/**
 * Folds one event into its task's view: the change a projection is handed, or undefined for events
 * that are not about a task (plans, types this build does not know). The new view
 * goes into `views`, to be written at the end of the batch; `source` is read on a cache miss.
 */
export function foldTaskEvent(
  views: TaskViewStore,
  source: TaskViewTable,
  recorded: RecordedEvent,
  at: string,
): TaskChange | undefined {
  const event = asDomainEvent(recorded);
  // Reports never change a task view, but a report is counted by who owes the target then: the
  // projections are handed the view (before and after are the same) to read the owners from.
  if (!event || isPlanEvent(event)) return undefined;
  const before = views.get(event.data.taskId, source);
  const meta = metadataOf(recorded);
  const after = evolveTaskView(before, event, { at, actor: meta.actor, commandId: meta.commandId });
  if (after !== undefined && after !== before) views.put(after);
  return { before, after };
}
