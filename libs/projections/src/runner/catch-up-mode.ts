import type Database from 'better-sqlite3';

/** Page cache of the read-model connection while it catches up (KiB; SQLite's default is 2 MiB). */
const CATCH_UP_CACHE_KIB = 64 * 1024;
/** WAL pages between automatic checkpoints while catching up (default 1,000). */
const CATCH_UP_WAL_AUTOCHECKPOINT = 10_000;

/**
 * Connection settings for a large backlog: a page cache that holds the hot index pages of the
 * tables being filled, and fewer WAL checkpoints (each one copies pages back into the database and
 * syncs). Both are per connection and change neither durability nor what a commit contains, so a
 * crash mid-way leaves the same database as with the defaults. `leave` restores what was set before.
 */
export class CatchUpMode {
  private saved: { cacheSize: number; walAutocheckpoint: number } | undefined;

  constructor(private readonly db: Database.Database) {}

  get active(): boolean {
    return this.saved !== undefined;
  }

  enter(): void {
    if (this.saved) return;
    this.saved = {
      cacheSize: this.db.pragma('cache_size', { simple: true }) as number,
      walAutocheckpoint: this.db.pragma('wal_autocheckpoint', { simple: true }) as number,
    };
    this.db.pragma(`cache_size = ${-CATCH_UP_CACHE_KIB}`);
    this.db.pragma(`wal_autocheckpoint = ${CATCH_UP_WAL_AUTOCHECKPOINT}`);
  }

  leave(): void {
    if (!this.saved) return;
    this.db.pragma(`cache_size = ${this.saved.cacheSize}`);
    this.db.pragma(`wal_autocheckpoint = ${this.saved.walAutocheckpoint}`);
    this.saved = undefined;
  }
}
