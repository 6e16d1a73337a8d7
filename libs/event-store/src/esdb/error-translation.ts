import {
  convertToCommandError,
  isCommandError,
  ErrorType,
  MaxAppendSizeExceededError as ClientMaxAppendSizeExceededError,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  AppendTooLargeError,
  EventStoreUnavailableError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../port/errors';
import type { ExpectedRevision } from '../port/expected-revision';
import { fromClientCurrentRevision, fromClientExpectedRevision } from './revisions';

/** What the caller was doing, for errors whose client form lacks it. */
export interface ErrorContext {
  readonly streamId?: string;
  readonly expectedRevision?: ExpectedRevision;
}

/** Failures that a retry on a fresh call can get past: the connection, not the request, failed. */
const TRANSIENT_TYPES: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
]);
/** Node's socket errors, for failures that reach us without a gRPC status. */
const TRANSIENT_SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Maps an error of the client (or of gRPC underneath it) to the port's errors. Errors that do not
 * come from the client, such as our own validation errors, are returned unchanged.
 */
export function translateError(error: unknown, context: ErrorContext = {}): unknown {
  if (!(error instanceof Error)) return error;
  const converted = toCommandError(error);

  if (converted instanceof ClientWrongExpectedVersionError) {
    return new WrongExpectedVersionError(
      converted.streamName || (context.streamId ?? ''),
      converted.expectedVersion === undefined
        ? (context.expectedRevision ?? 'any')
        : fromClientExpectedRevision(converted.expectedVersion),
      fromClientCurrentRevision(converted.actualVersion),
    );
  }
  if (converted instanceof ClientStreamNotFoundError) {
    return new StreamNotFoundError(converted.streamName || (context.streamId ?? ''));
  }
  if (converted instanceof ClientStreamDeletedError) {
    return new StreamDeletedError(converted.streamName || (context.streamId ?? ''));
  }
  if (converted instanceof ClientMaxAppendSizeExceededError) {
    return new AppendTooLargeError(context.streamId ?? '', converted.maxAppendSize);
  }
  if (isCommandError(converted) || isTransientError(error)) {
    return new EventStoreUnavailableError(
      `EventStoreDB request failed: ${converted.message}`,
      converted,
    );
  }
  return error;
}

/** Whether the failure lies in the connection, so the same request may succeed on a new call. */
export function isTransientError(error: unknown): boolean {
  if (error instanceof EventStoreUnavailableError) return isTransientError(error.cause);
  if (!(error instanceof Error)) return false;
  const converted = toCommandError(error);
  if (isCommandError(converted)) return TRANSIENT_TYPES.has(converted.type);
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' && TRANSIENT_SOCKET_CODES.has(code);
}

/**
 * The client's own classification of gRPC failures (status code and `exception` trailer). It
 * reads `details` without checking it exists, so an error shaped only partly like a gRPC one is
 * kept as it is.
 */
function toCommandError(error: Error): Error {
  try {
    return convertToCommandError(error);
  } catch {
    return error;
  }
}
