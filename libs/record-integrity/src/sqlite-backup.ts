import Database from 'better-sqlite3';

/** Pages copied per step: small steps let the service's writers in between. */
const PAGES_PER_STEP = 256;

/**
 * Copies a SQLite database with SQLite's online backup API: the copy is one consistent state of
 * the database even while other connections (the running service) keep writing to it.
 */
export async function backupSqlite(
  from: string,
  to: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ pages: number }> {
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(to, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

/** How many events a database file of the embedded store holds; throws if it holds no log. */
export function countStoredEvents(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
