import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { canonicalJson } from './canonical-json';
import type { LoggedRecord } from './logged-record';

/**
 * A log export is JSON Lines: one record per line, in global order, seals included, each line the
 * canonical JSON of the record (keys sorted), so exporting the same log twice gives the same bytes.
 */
export function exportLine(record: LoggedRecord): string {
  return canonicalJson(record);
}

/** Writes records to `file`; resolves with how many were written once the file is flushed. */
export async function writeLogFile(
  records: AsyncIterable<LoggedRecord>,
  file: string,
  onRecord?: (record: LoggedRecord) => void,
): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let count = 0;
  try {
    for await (const record of records) {
      if (!out.write(`${exportLine(record)}\n`)) await once(out, 'drain');
      count += 1;
      onRecord?.(record);
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return count;
}

/** The records of an export, in order. Throws naming the line that is not a record. */
export async function* readLogFile(file: string): AsyncGenerator<LoggedRecord> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let record: LoggedRecord;
    try {
      record = JSON.parse(line) as LoggedRecord;
    } catch {
      throw new Error(`${file}:${lineNumber} is not JSON`);
    }
    if (typeof record.id !== 'string' || typeof record.streamId !== 'string') {
      throw new Error(`${file}:${lineNumber} is not a log record`);
    }
    yield record;
  }
}

/** How many records an export holds (for progress), counted without parsing them. */
export async function countLogFile(file: string): Promise<number> {
  let count = 0;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') count += 1;
  return count;
}
