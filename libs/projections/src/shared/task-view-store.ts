import type Database from 'better-sqlite3';
import type { TaskView } from './task-view';

/**
 * Each read model keeps its own copy of the task views it folds (so it can be rebuilt alone), in
 * one table of JSON documents. Within a batch the views stay in memory and are written once at
 * the end, inside the same transaction as the rows and the checkpoint.
 */
export class TaskViewStore {
  private readonly cache = new Map<string, TaskView | undefined>();
  private readonly dirty = new Set<string>();
  private readonly select: Database.Statement<[string], { view: string }>;
  private readonly upsert: Database.Statement<[string, string]>;

  constructor(db: Database.Database, table: string) {
    this.select = db.prepare(`SELECT view FROM ${table} WHERE task_id = ?`);
    this.upsert = db.prepare(
      `INSERT INTO ${table} (task_id, view) VALUES (?, ?) ON CONFLICT (task_id) DO UPDATE SET view = excluded.view`,
    );
  }

  static ddl(table: string): string {
    return `CREATE TABLE IF NOT EXISTS ${table} (task_id TEXT PRIMARY KEY, view TEXT NOT NULL);`;
  }

  get(taskId: string): TaskView | undefined {
    if (!this.cache.has(taskId)) {
      const row = this.select.get(taskId);
      this.cache.set(taskId, row ? (JSON.parse(row.view) as TaskView) : undefined);
    }
    return this.cache.get(taskId);
  }

  put(view: TaskView): void {
    this.cache.set(view.taskId, view);
    this.dirty.add(view.taskId);
  }

  flush(): void {
    for (const taskId of this.dirty)
      this.upsert.run(taskId, JSON.stringify(this.cache.get(taskId)));
    this.dirty.clear();
  }
}
