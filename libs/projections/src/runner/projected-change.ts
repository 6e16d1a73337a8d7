import { formatPosition, type RecordedEvent } from '@duty-ledger/event-store';

/** Sent to live listeners once an event is in the read models. */
export interface ProjectedChange {
  /** Global position of the event, as text (formatPosition). */
  readonly position: string;
  readonly type: string;
  readonly streamId: string;
  readonly recordedAt: string;
  /** The ids the event touched, for clients deciding what to reload. */
  readonly ids: {
    readonly planId?: string;
    readonly taskId?: string;
    readonly targetId?: string;
    readonly unit?: string;
  };
}

const field = (data: Record<string, unknown>, name: string): string | undefined =>
  typeof data[name] === 'string' ? (data[name] as string) : undefined;

/** A task id is `<planId>-tNN` (see the domain's ids). */
const planOfTask = (taskId: string | undefined): string | undefined =>
  taskId?.replace(/-t\d{2,}$/, '');

export function projectedChange(event: RecordedEvent): ProjectedChange {
  const data = event.data as Record<string, unknown>;
  const taskId = field(data, 'taskId');
  const ids = {
    planId: field(data, 'planId') ?? planOfTask(taskId),
    taskId,
    targetId: field(data, 'targetId'),
    unit: field(data, 'unit'),
  };
  return {
    position: formatPosition(event.position),
    type: event.type,
    streamId: event.streamId,
    recordedAt: event.recordedAt.toISOString(),
    ids: Object.fromEntries(Object.entries(ids).filter(([, v]) => v !== undefined)),
  };
}
