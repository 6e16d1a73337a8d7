import { randomUUID } from 'node:crypto';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../../../libs/event-store/src/port/errors';
import type { EventStore } from '../../../libs/event-store/src/port/event-store.port';

// Relative imports (no path alias) so that a forked child can load this file with register-ts.js.

export interface WorkerReport {
  readonly name: string;
  /** Ids appended with expectedRevision 'any' to `${prefix}any`. */
  readonly anyIds: readonly string[];
  /** Ids appended with an exact expected revision to `${prefix}counter`. */
  readonly counterIds: readonly string[];
  /** How many WrongExpectedVersionErrors the optimistic loop met and retried. */
  readonly conflicts: number;
}

const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function lastRevision(store: EventStore, stream: string): Promise<number> {
  try {
    for await (const event of store.readStream(stream, { direction: 'backwards', maxCount: 1 }))
      return event.revision;
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return -1;
}

/**
 * Appends `count` events to each of two shared streams: `${prefix}any` expecting 'any', and
 * `${prefix}counter` by read-then-append with the revision read, retrying on conflicts.
 */
export async function appendShared(
  store: EventStore,
  prefix: string,
  name: string,
  count: number,
): Promise<WorkerReport> {
  const anyIds: string[] = [];
  const counterIds: string[] = [];
  let conflicts = 0;
  for (let index = 0; index < count; index++) {
    const anyId = randomUUID();
    await store.append(
      `${prefix}any`,
      [{ id: anyId, type: 'Tick', schemaVersion: 1, data: { name, index } }],
      {
        expectedRevision: 'any',
      },
    );
    anyIds.push(anyId);

    const counterId = randomUUID();
    for (;;) {
      const revision = await lastRevision(store, `${prefix}counter`);
      try {
        await store.append(
          `${prefix}counter`,
          [
            {
              id: counterId,
              type: 'Counted',
              schemaVersion: 1,
              data: { name, index, after: revision },
            },
          ],
          { expectedRevision: revision < 0 ? 'no_stream' : revision },
        );
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        conflicts += 1;
        await yieldToOthers();
      }
    }
    counterIds.push(counterId);
    await yieldToOthers();
  }
  return { name, anyIds, counterIds, conflicts };
}
