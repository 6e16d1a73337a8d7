import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written into the data directory while a service runs on it; removed when it stops. */
export const SERVICE_LOCK_FILE = 'service.lock';

export interface ServiceLock {
  readonly pid: number;
  readonly port: number;
  readonly startedAt: string;
}

/** Notes that this process serves the data directory; returns how to remove the note. */
export function holdDataDir(dataDir: string, port: number, startedAt: Date): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SERVICE_LOCK_FILE);
  const lock: ServiceLock = { pid: process.pid, port, startedAt: startedAt.toISOString() };
  writeFileSync(file, `${JSON.stringify(lock)}\n`);
  return () => {
    // Only our own note: a second service started on the directory since then keeps its own.
    if (serviceHolding(dataDir)?.pid === process.pid) rmSync(file, { force: true });
  };
}

/** The service running on the data directory, if any; a note left by a dead process is ignored. */
export function serviceHolding(dataDir: string): ServiceLock | undefined {
  let lock: ServiceLock;
  try {
    lock = JSON.parse(readFileSync(join(dataDir, SERVICE_LOCK_FILE), 'utf8')) as ServiceLock;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(lock.pid) || lock.pid <= 0) return undefined;
  try {
    process.kill(lock.pid, 0); // signal 0: only asks whether the process exists
    return lock;
  } catch (error) {
    // EPERM: it exists but belongs to another user, so it still holds the directory.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? lock : undefined;
  }
}
