import {
  isCommandError,
  ErrorType,
  MaxAppendSizeExceededError as ClientMaxAppendSizeExceededError,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  AppendTooLargeError,
  EventStoreAccessDeniedError,
  EventStoreUnavailableError,
  InvalidPositionError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../port/errors';
import type { ExpectedRevision } from '../port/expected-revision';
import { accessDeniedMessage, type Operation } from './access-rights';
import { fromClientCurrentRevision, fromClientExpectedRevision } from './revisions';
import { toCommandError, transientKindOf } from './transient-failures';

/** What the caller was doing, for errors whose client form lacks it. */
export interface ErrorContext {
  readonly operation?: Operation;
  readonly streamId?: string;
  readonly expectedRevision?: ExpectedRevision;
  /** The position a read or subscription of $all started from, as text. */
  readonly position?: string;
  /** The user named in the connection string, if any. */
  readonly user?: string;
}

const GRPC_UNAUTHENTICATED = 16;

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
  if (isCommandError(converted) && converted.type === ErrorType.ACCESS_DENIED) {
    const unauthenticated = (error as { code?: unknown }).code === GRPC_UNAUTHENTICATED;
    return new EventStoreAccessDeniedError(accessDeniedMessage(context, unauthenticated));
  }
  if (isInvalidPosition(converted)) {
    return new InvalidPositionError(context.position ?? '(unknown)');
  }
  const tooLarge = context.operation === 'append' && tooLargeAppend(converted, context);
  if (tooLarge) return tooLarge;
  if (isCommandError(converted) || isTransientError(error)) {
    return new EventStoreUnavailableError(
      `EventStoreDB request failed: ${converted.message}`,
      converted,
    );
  }
  return error;
}

/** Whether the failure lies in the connection or the node, so the same request may succeed on a new call. */
export function isTransientError(error: unknown): boolean {
  if (error instanceof EventStoreUnavailableError) return isTransientError(error.cause);
  return transientKindOf(error) !== undefined;
}

/**
 * A read of $all from a position that is not a record boundary: "Unexpected (Filtered)ReadAllResult:
 * InvalidPosition" on a read, INVALID_ARGUMENT "Trying to read from an invalid position." on a
 * subscription (KurrentDB RpcExceptions, Enumerator.AllSubscription).
 */
function isInvalidPosition(converted: Error): boolean {
  return isCommandError(converted) && /invalid\s?position/i.test(converted.message);
}

/**
 * An event over 16 MiB on EventStoreDB 25.1+ fails with an error type client 6.2.1 does not know;
 * the adapter checks the limits before sending, so this only catches a server configured lower.
 */
function tooLargeAppend(converted: Error, context: ErrorContext): AppendTooLargeError | undefined {
  if (!isCommandError(converted) || converted.type !== ErrorType.UNKNOWN) return undefined;
  const match = /(event|append)\w*\s?size\w*\s?exceeded(?:\D*(\d+))?/i.exec(converted.message);
  if (!match) return undefined;
  const limit = match[1].toLowerCase() === 'event' ? 'event' : 'append';
  return new AppendTooLargeError(context.streamId ?? '', Number(match[2] ?? 0), limit);
}
