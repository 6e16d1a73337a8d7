import type Database from 'better-sqlite3';
import type { TaskView } from './task-view';
import { LruCache } from './lru-cache';

/**
 * One read model's table of task views (JSON documents): each read model keeps its own copy, so it
 * can be rebuilt alone. Only the runner's fold reads and writes them, inside the transaction that
 * also holds the read model's rows and checkpoint.
 */
export class TaskViewTable {
  private readonly select: Database.Statement<[string], { view: string }>;
  private readonly upsert: Database.Statement<[string, string]>;

  constructor(
    db: Database.Database,
    readonly table: string,
  ) {
    this.select = db.prepare(`SELECT view FROM ${table} WHERE task_id = ?`);
    this.upsert = db.prepare(
      `INSERT INTO ${table} (task_id, view) VALUES (?, ?) ON CONFLICT (task_id) DO UPDATE SET view = excluded.view`,
    );
  }

  static ddl(table: string): string {
    return `CREATE TABLE IF NOT EXISTS ${table} (task_id TEXT PRIMARY KEY, view TEXT NOT NULL);`;
  }

  load(taskId: string): TaskView | undefined {
    const row = this.select.get(taskId);
    return row ? (JSON.parse(row.view) as TaskView) : undefined;
  }

  save(taskId: string, json: string): void {
    this.upsert.run(taskId, json);
  }
}

/**
 * Task views kept in memory across batches (views are immutable, so a cached one is shared, not
 * copied). Views changed since the last flush are held apart from the LRU so that eviction can
 * never lose a change before it is written.
 */
export class TaskViewStore {
  private readonly cache: LruCache<string, TaskView>;
  private readonly dirty = new Map<string, TaskView>();

  constructor(capacity: number) {
    this.cache = new LruCache(capacity);
  }

  /** Views changed since the last flush. */
  get pending(): number {
    return this.dirty.size;
  }

  get(taskId: string, source: TaskViewTable): TaskView | undefined {
    const view = this.dirty.get(taskId) ?? this.cache.get(taskId);
    if (view !== undefined) return view;
    const loaded = source.load(taskId);
    if (loaded !== undefined) this.cache.set(taskId, loaded);
    return loaded;
  }

  put(view: TaskView): void {
    this.dirty.set(view.taskId, view);
    this.cache.set(view.taskId, view);
  }

  /** Writes every changed view to each table, serialized once. */
  flush(tables: readonly TaskViewTable[]): void {
    if (tables.length > 0) {
      for (const [taskId, view] of this.dirty) {
        const json = JSON.stringify(view);
        for (const table of tables) table.save(taskId, json);
      }
    }
    this.dirty.clear();
  }

  /** How many views stay cached between batches. */
  resize(capacity: number): void {
    this.cache.resize(capacity);
  }
}
