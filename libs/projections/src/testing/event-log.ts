import type { RecordedEvent } from '@duty-ledger/event-store';
import type { Actor, PlanEvent, TaskEvent } from '@duty-ledger/domain';
import { planStreamId, taskStreamId } from '@duty-ledger/domain';
import type Database from 'better-sqlite3';
import type { Projection } from '../runner/projection';
import { foldTaskEvent } from '../runner/task-fold';
import { TaskViewStore, TaskViewTable } from '../shared/task-view-store';

type CatalogueEvent = PlanEvent | TaskEvent;

export interface LogAppendOptions {
  readonly actor?: Actor;
  readonly commandId?: string;
  readonly occurredAt?: string;
}

export const SUPERVISOR: Actor = { id: 'u-sup', role: 'supervisor', name: '督查员' };
export const ADMIN: Actor = { id: 'u-admin', role: 'admin' };
export const leadActor = (unit: string): Actor => ({
  id: `u-${unit}`,
  role: 'lead',
  unit,
  name: `${unit}联络员`,
});

/**
 * Builds RecordedEvent fixtures as the store would hand them out: positions in order, recording
 * time from a clock the test moves. For given-events / then-rows tests of the read models.
 */
export class EventLog {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();
  private now: number;
  private commandNo = 0;

  constructor(start = '2024-01-05T02:00:00.000Z') {
    this.now = Date.parse(start);
  }

  get time(): string {
    return new Date(this.now).toISOString();
  }

  /** Moves the recording clock to an instant. */
  at(instant: string): this {
    this.now = Date.parse(instant);
    return this;
  }

  /** Appends events of one command; returns them. */
  append(events: readonly CatalogueEvent[], options: LogAppendOptions = {}): RecordedEvent[] {
    this.commandNo += 1;
    const commandId = options.commandId ?? `cmd-${this.commandNo}`;
    return events.map((event) => {
      const data = event.data as { planId?: string; taskId?: string };
      const streamId =
        event.type === 'PlanRegistered' || event.type === 'PlanWithdrawn'
          ? planStreamId(data.planId as string)
          : taskStreamId(data.taskId as string);
      const revision = (this.revisions.get(streamId) ?? -1) + 1;
      this.revisions.set(streamId, revision);
      const position = BigInt(this.events.length + 1);
      const recorded: RecordedEvent = {
        id: `${commandId}-${revision}-${streamId}`,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data as unknown as RecordedEvent['data'],
        metadata: {
          actor: { ...(options.actor ?? ADMIN) },
          commandId,
          correlationId: commandId,
          causationId: commandId,
          occurredAt: options.occurredAt ?? this.time,
          recordedAt: this.time,
        },
        streamId,
        revision,
        position: { commit: position, prepare: position },
        recordedAt: new Date(this.now),
      };
      this.events.push(recorded);
      return recorded;
    });
  }

  /** Events appended since the given count, for feeding a projection step by step. */
  since(count: number): RecordedEvent[] {
    return this.events.slice(count);
  }
}

/**
 * Applies events to a projection as the runner does (task views folded and stored, one
 * transaction), with the recording time as `at` and nothing cached between calls.
 */
export function project(
  db: Database.Database,
  projection: Projection,
  events: readonly RecordedEvent[],
): void {
  db.transaction(() => {
    const writer = projection.open(db, { fresh: false });
    const table = projection.taskViews ? new TaskViewTable(db, projection.taskViews) : undefined;
    const views = new TaskViewStore(0);
    for (const event of events) {
      const at = event.recordedAt.toISOString();
      const task = table && foldTaskEvent(views, table, event, at);
      writer.apply(task ? { event, at, task } : { event, at });
    }
    views.flush(table ? [table] : []);
  })();
}
