import type { EventStore, NewEvent } from '@duty-ledger/event-store';
import { ORIGINAL_RECORDED_AT_KEY, recordOf, type LoggedRecord } from './logged-record';

/** How the target keeps each event's original recording time. */
export type RecordedAtKeeping =
  /** The target stamps recordedAt from a clock we set before each append (the embedded store). */
  | { readonly kind: 'clock'; set(instant: string): void }
  /** The target stamps its own time (EventStoreDB): the original goes into metadata. */
  | { readonly kind: 'metadata' };

export interface CopyOptions {
  readonly recordedAt: RecordedAtKeeping;
  readonly onRecord?: (record: LoggedRecord, copied: boolean) => void;
}

export interface CopyOutcome {
  /** Records appended by this run. */
  readonly copied: number;
  /** Records the target already held (an earlier, interrupted run copied them). */
  readonly alreadyThere: number;
}

/** Appends at most this many events at once, well under the stores' 1 MiB append limit. */
const MAX_BATCH_EVENTS = 200;
const MAX_BATCH_BYTES = 512 * 1024;

/**
 * Copies a log, in order, into `target` with the same event ids, streams and revisions. Resumable:
 * the records up to the target's last event are skipped; each append expects the stream's
 * revision before it and reuses the event ids, so a batch already there is not written twice.
 */
export async function copyLog(
  records: AsyncIterable<LoggedRecord>,
  target: EventStore,
  options: CopyOptions,
): Promise<CopyOutcome> {
  const lastInTarget = await lastEventId(target);
  let skipping = lastInTarget !== undefined;
  let alreadyThere = 0;
  let copied = 0;
  let batch: LoggedRecord[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await appendBatch(target, batch, options.recordedAt);
    copied += batch.length;
    for (const record of batch) options.onRecord?.(record, true);
    batch = [];
    batchBytes = 0;
  };
  for await (const record of records) {
    if (skipping) {
      alreadyThere += 1;
      options.onRecord?.(record, false);
      if (record.id === lastInTarget) skipping = false;
      continue;
    }
    const bytes = JSON.stringify(record.data).length + JSON.stringify(record.metadata).length;
    const first = batch[0];
    if (
      first &&
      (first.streamId !== record.streamId ||
        batch.length >= MAX_BATCH_EVENTS ||
        batchBytes + bytes > MAX_BATCH_BYTES ||
        (options.recordedAt.kind === 'clock' && first.recordedAt !== record.recordedAt))
    ) {
      await flush();
    }
    batch.push(record);
    batchBytes += bytes;
  }
  await flush();
  if (skipping) {
    throw new Error(
      `The target's last event ${lastInTarget} is not in this log: it holds another log, not a part of this one`,
    );
  }
  return { copied, alreadyThere };
}

async function appendBatch(
  target: EventStore,
  batch: readonly LoggedRecord[],
  keeping: RecordedAtKeeping,
): Promise<void> {
  const first = batch[0];
  if (keeping.kind === 'clock') keeping.set(first.recordedAt);
  const events: NewEvent[] = batch.map((record) => ({
    id: record.id,
    type: record.type,
    schemaVersion: record.schemaVersion,
    data: record.data,
    metadata:
      keeping.kind === 'metadata'
        ? { ...record.metadata, [ORIGINAL_RECORDED_AT_KEY]: record.recordedAt }
        : record.metadata,
  }));
  const result = await target.append(first.streamId, events, {
    expectedRevision: first.revision === 0 ? 'no_stream' : first.revision - 1,
  });
  const last = batch[batch.length - 1];
  if (result.nextExpectedRevision !== last.revision) {
    throw new Error(
      `Stream ${first.streamId} took revision ${result.nextExpectedRevision} where the log has ${last.revision}`,
    );
  }
}

async function lastEventId(store: EventStore): Promise<string | undefined> {
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) {
    return recordOf(event).id;
  }
  return undefined;
}
