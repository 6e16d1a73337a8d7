import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@duty-ledger/event-store';
import type { TaskView } from '../shared/task-view';

/** A task's view just before and just after one event of its stream. */
export interface TaskChange {
  /** Undefined until the task is registered. */
  readonly before: TaskView | undefined;
  /** Undefined when the event came before the task's registration (nothing to show). */
  readonly after: TaskView | undefined;
}

/** An event as a projection receives it. */
export interface ProjectionEvent {
  readonly event: RecordedEvent;
  /**
   * The recording instant on the read side's time axis: the application's `recordedAt`, raised to
   * the previous event of the same stream when a clock stepped back, so that a stream's history
   * never goes back in time (see StreamClock).
   */
  readonly at: string;
  /**
   * For an event of a task stream (reports aside) when the projection keeps task views: the view
   * before and after it. The runner folds each view once for every projection standing at the same
   * checkpoint and stores it in each one's `taskViews` table.
   */
  readonly task?: TaskChange;
}

/** How a writer is opened. */
export interface WriterContext {
  /**
   * The read model's tables were empty when the writer was opened and only this writer fills them
   * until the build has finished: whatever it would look up in them it can keep in memory instead
   * (and so do without the `deferredIndexes`). Otherwise it must look things up in its tables.
   */
  readonly fresh: boolean;
}

/**
 * Writes one read model's rows. Opened once per database by the runner, so statements are prepared
 * once and caches can live across batches; the runner drops the writer (and its caches) whenever a
 * transaction it wrote in rolls back, or its tables are reset.
 */
export interface ProjectionWriter {
  /** Applies one event, in log order, after the read model's checkpoint; inside a transaction. */
  apply(event: ProjectionEvent): void;
}

/**
 * A read model fed from the log. It owns its tables; the runner calls its writer inside the
 * transaction that also stores its checkpoint, so the rows and the checkpoint move together or not
 * at all.
 */
export interface Projection {
  readonly name: string;
  /**
   * From 1; bump when the tables or the way events map to rows change: the read model is rebuilt.
   * (The runner stores 0 while a read model is being built from the start.)
   */
  readonly version: number;
  /** The table (see TaskViewTable) the runner keeps this read model's task views in, if it uses them. */
  readonly taskViews?: string;
  /**
   * Indexes (by name) a build from the start goes without (its writer is opened `fresh`): they
   * are dropped before it, and `setUp` creates them again once it has finished.
   */
  readonly deferredIndexes?: readonly string[];
  /** Creates its tables and indexes if they do not exist. */
  setUp(db: Database.Database): void;
  /** Drops every table it owns. */
  tearDown(db: Database.Database): void;
  /** Prepares its statements on a database whose tables are set up. */
  open(db: Database.Database, context: WriterContext): ProjectionWriter;
}

/** The indexes a DDL script creates, by name (for `deferredIndexes`). */
export function indexNames(ddl: string): string[] {
  return [...ddl.matchAll(/CREATE\s+INDEX\s+IF\s+NOT\s+EXISTS\s+(\w+)/gi)].map((m) => m[1]);
}

/** Drops the named tables; for `tearDown` implementations. */
export function dropTables(db: Database.Database, tables: readonly string[]): void {
  for (const table of tables) db.exec(`DROP TABLE IF EXISTS ${table}`);
}

/** What a read model of task views declares; see `taskViewReadModel`. */
export interface TaskViewReadModelSpec {
  readonly name: string;
  readonly version: number;
  /** Every table it owns, its task views among them. */
  readonly tables: { readonly taskViews: string } & Readonly<Record<string, string>>;
  /** Creates its tables and indexes (`IF NOT EXISTS`); its indexes are deferred in a fresh build. */
  readonly ddl: string;
  readonly open: Projection['open'];
}

/**
 * The Projection of a read model whose tables come from one DDL script and which keeps task
 * views: the three read models differ only in their tables and their writer.
 */
export function taskViewReadModel(spec: TaskViewReadModelSpec): Projection {
  return {
    name: spec.name,
    version: spec.version,
    taskViews: spec.tables.taskViews,
    deferredIndexes: indexNames(spec.ddl),
    setUp: (db) => db.exec(spec.ddl),
    tearDown: (db) => dropTables(db, Object.values(spec.tables)),
    open: spec.open,
  };
}
