import {
  ChainCheck,
  START_OF_LOG,
  type ChainPoint,
  type ChainReport,
  type SealHeld,
  type TrustedKeys,
} from './chain-check';
import type { LoggedRecord } from './logged-record';

export interface VerifyOptions {
  /** Where the records begin (default: the start of the log). */
  readonly start?: ChainPoint;
  /** A seal verified before: the log must still reach it. */
  readonly verifiedBefore?: SealHeld;
  /** Called after each record, e.g. to show progress. */
  readonly onRecord?: (record: LoggedRecord) => void;
}

const YIELD_EVERY = 500;

/** Recomputes the chain over records in global order and checks every seal; stops at the first failure. */
export async function verifyRecords(
  records: AsyncIterable<LoggedRecord>,
  trusted: TrustedKeys,
  options: VerifyOptions = {},
): Promise<ChainReport> {
  const start = options.start ?? START_OF_LOG;
  const check = new ChainCheck(trusted, start);
  let lastPosition: string | undefined;
  let sinceTurn = 0;
  for await (const record of records) {
    lastPosition = record.position;
    if (check.add(record)) break;
    options.onRecord?.(record);
    // Reading a local store never waits on I/O: give the rest of the process a turn now and then.
    if (++sinceTurn === YIELD_EVERY) {
      sinceTurn = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const report = check.report();
  const before = options.verifiedBefore;
  const reached = report.lastGoodSeal?.sequence ?? start.sequence;
  if (report.ok && before && reached < before.sequence) {
    return {
      ...report,
      ok: false,
      failure: {
        position: lastPosition ?? '-',
        index: start.count + report.eventsChecked - 1,
        reason: `the log ends before seal #${before.sequence} (sealed at ${before.sealedAt}, covering ${before.count} events), which was verified here before: events were removed from its end`,
      },
    };
  }
  return report;
}
