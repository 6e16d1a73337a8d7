import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SealHeld } from './chain-check';

/**
 * The last seal this installation verified, kept in the data directory: checks resume after it,
 * and a log that no longer reaches it has lost its end.
 */
export const CHECKPOINT_FILE = 'record-verified.json';

export function checkpointPath(dataDir: string): string {
  return join(dataDir, CHECKPOINT_FILE);
}

export function readCheckpoint(file: string): SealHeld | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<SealHeld>;
    return typeof value.sequence === 'number' &&
      typeof value.count === 'number' &&
      typeof value.head === 'string'
      ? (value as SealHeld)
      : undefined;
  } catch {
    return undefined; // unreadable: check from the start instead
  }
}

export function writeCheckpoint(file: string, seal: SealHeld): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(seal, null, 2));
  renameSync(temporary, file);
}
