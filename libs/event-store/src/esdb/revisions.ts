import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendExpectedRevision,
  type CurrentRevision,
  type ReadRevision,
} from '@eventstore/db-client';
import type { ActualRevision, ExpectedRevision } from '../port/expected-revision';
import { END, START } from '../port/position';

/*
 * Revisions are JS numbers in the port and bigints in the client. A stream revision stays far
 * below 2^53 for any stream Duty Ledger writes; the one exception is the tombstone marker
 * (2^63 - 1), which only system events carry.
 */

// The server's numeric ExpectedVersion constants, as they appear in gRPC error trailers.
const NUMERIC_NO_STREAM = -1n;
const NUMERIC_ANY = -2n;
const NUMERIC_STREAM_EXISTS = -4n;

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(checkedRevision(expected, 'expected revision'));
  }
}

export function fromClientExpectedRevision(expected: AppendExpectedRevision): ExpectedRevision {
  if (typeof expected === 'string') return expected;
  if (expected === NUMERIC_NO_STREAM) return 'no_stream';
  if (expected === NUMERIC_ANY) return 'any';
  if (expected === NUMERIC_STREAM_EXISTS) return 'stream_exists';
  return toRevisionNumber(expected);
}

export function fromClientCurrentRevision(current: CurrentRevision): ActualRevision {
  if (current === NO_STREAM || current === NUMERIC_NO_STREAM) return 'no_stream';
  return toRevisionNumber(current);
}

export function toClientReadRevision(from: number | typeof START | typeof END): ReadRevision {
  if (from === START) return 'start';
  if (from === END) return 'end';
  return BigInt(checkedRevision(from, 'revision'));
}

export function toRevisionNumber(revision: bigint): number {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Stream revision ${revision} is outside the range the port represents`);
  }
  return Number(revision);
}

function checkedRevision(revision: number, what: string): number {
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new RangeError(`The ${what} must be a non-negative integer, got ${revision}`);
  }
  return revision;
}
