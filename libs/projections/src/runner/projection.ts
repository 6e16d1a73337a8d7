import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@duty-ledger/event-store';

/** An event as a projection receives it. */
export interface ProjectionEvent {
  readonly event: RecordedEvent;
  /**
   * The recording instant on the read side's time axis: the application's `recordedAt`, raised to
   * the previous event of the same stream when a clock stepped back, so that a stream's history
   * never goes back in time (see StreamClock).
   */
  readonly at: string;
}

/**
 * A read model fed from the log. It owns its tables; the runner calls it inside the transaction
 * that also stores its checkpoint, so the rows and the checkpoint move together or not at all.
 */
export interface Projection {
  readonly name: string;
  /** Bump when the tables or the way events map to rows change: the read model is rebuilt. */
  readonly version: number;
  /** Creates its tables and indexes if they do not exist. */
  setUp(db: Database.Database): void;
  /** Drops every table it owns. */
  tearDown(db: Database.Database): void;
  /** Applies events, in log order, that are all after its checkpoint. */
  applyBatch(db: Database.Database, events: readonly ProjectionEvent[]): void;
}

/** Drops the named tables; for `tearDown` implementations. */
export function dropTables(db: Database.Database, tables: readonly string[]): void {
  for (const table of tables) db.exec(`DROP TABLE IF EXISTS ${table}`);
}
