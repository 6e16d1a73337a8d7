import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@duty-ledger/event-store';
import { TaskViewStore, TaskViewTable } from '../shared/task-view-store';
import type { Projection, ProjectionEvent, ProjectionWriter } from './projection';
import type { StreamClock } from './stream-clock';
import { StreamInstants } from './stream-instants';
import { foldTaskEvent } from './task-fold';

/** How many task views and stream instants stay in memory between batches. */
export interface GroupCacheSizes {
  readonly taskViews: number;
  readonly streams: number;
}

interface Member {
  readonly projection: Projection;
  readonly writer: ProjectionWriter;
  readonly views?: TaskViewTable;
}

/**
 * When the application recorded the event: `metadata.recordedAt`, stamped from the injected clock,
 * so as-of answers are exact and the same on every store. EventStoreDB's own `created` comes from
 * the server's clock; it is the fallback for events written by other tools.
 */
function recordingInstantOf(event: RecordedEvent): string {
  const stamped = event.metadata.recordedAt;
  if (typeof stamped === 'string' && !Number.isNaN(Date.parse(stamped)))
    return new Date(stamped).toISOString();
  return event.recordedAt.toISOString();
}

/**
 * Projections standing at the same checkpoint. They take the same events with the same instants
 * and hold the same task views, so the group stamps each event and folds each task view once for
 * all of them, and keeps both in memory between batches. The caches follow the database only while
 * its transactions commit: after a rollback the runner drops the group and makes a new one.
 *
 * Task views and stream instants are what a read model needs to resume from its checkpoint. A
 * group building its read models from the start (`fresh`) does not resume: should it die, the
 * runner starts the build over. It writes them only when too many are held, and at `finish`.
 */
export class ProjectionGroup {
  private readonly members: Member[] = [];
  private readonly views: TaskViewStore;
  private readonly streams: StreamInstants;

  constructor(
    private readonly db: Database.Database,
    projections: readonly Projection[],
    clock: StreamClock,
    private sizes: GroupCacheSizes,
    /** Building its read models from the start: see above. */
    readonly fresh: boolean,
  ) {
    this.views = new TaskViewStore(sizes.taskViews);
    this.streams = new StreamInstants(clock, sizes.streams);
    for (const projection of projections) this.add(projection);
  }

  get projections(): Projection[] {
    return this.members.map((m) => m.projection);
  }

  /** Takes in the projections of a group that has reached the same checkpoint (its caches go). */
  absorb(other: ProjectionGroup): void {
    for (const member of other.members) this.members.push(member);
  }

  resize(sizes: GroupCacheSizes): void {
    this.sizes = sizes;
    this.views.resize(sizes.taskViews);
    this.streams.resize(sizes.streams);
  }

  /**
   * Applies events after the group's checkpoint, in log order, to every member, inside the batch's
   * transaction; then writes what the members need to resume from there. Returns the instants.
   */
  apply(events: readonly RecordedEvent[]): string[] {
    const names = this.members.map((m) => m.projection.name);
    const instants = this.streams.stamp(
      names[0],
      events.map((event) => ({ streamId: event.streamId, recordedAt: recordingInstantOf(event) })),
    );
    const source = this.members.find((m) => m.views)?.views;
    for (let i = 0; i < events.length; i += 1) {
      const event = events[i];
      const at = instants[i];
      const task = source && foldTaskEvent(this.views, source, event, at);
      const projected: ProjectionEvent = task ? { event, at, task } : { event, at };
      for (const member of this.members) member.writer.apply(projected);
    }
    const full =
      this.views.pending > this.sizes.taskViews || this.streams.pending > this.sizes.streams;
    if (!this.fresh || full) this.finish();
    return instants;
  }

  /** Writes the changed task views and stream instants to each member's tables. */
  finish(): void {
    this.views.flush(this.members.flatMap((m) => (m.views ? [m.views] : [])));
    this.streams.flush(this.members.map((m) => m.projection.name));
  }

  private add(projection: Projection): void {
    this.members.push({
      projection,
      writer: projection.open(this.db, { fresh: this.fresh }),
      ...(projection.taskViews ? { views: new TaskViewTable(this.db, projection.taskViews) } : {}),
    });
  }
}
