import { ErrorType, convertToCommandError, isCommandError } from '@eventstore/db-client';

/**
 * The one table of failures a retry can get past: the connection or the node was in the way,
 * not the request. Appends are retried on them (same event ids, same expected revision, so the
 * server's idempotency makes a retry of a write that did land answer as the write did), reads
 * fail with EventStoreUnavailableError, and subscriptions resume from the last delivered event.
 *
 * Everything else is final: WrongExpectedVersion, StreamNotFound, StreamDeleted, access denied
 * or bad credentials, a bad argument (an invalid position among them), an append over the size
 * limit, and any other INTERNAL or UNKNOWN status.
 */
export const TRANSIENT_FAILURES: readonly TransientFailure[] = [
  {
    kind: 'unavailable',
    cause:
      'gRPC UNAVAILABLE: connection refused or dropped, node shutting down, and "Server Is Not Ready" / "Server Is Too Busy" on Read and Append',
    matches: (failure) => failure.type === ErrorType.UNAVAILABLE,
  },
  {
    kind: 'not-ready-or-too-busy',
    cause:
      'NotReady / TooBusy reported inside a BatchAppend answer, which client 6.2.1 passes on as an unrecognised status',
    matches: (failure) => /not\s?ready|too\s?busy/i.test(failure.message),
  },
  {
    kind: 'deadline-exceeded',
    cause:
      'gRPC DEADLINE_EXCEEDED, or the Timeout status of BatchAppend: a commit or forward timeout, or a retry racing the write it repeats (IdempotentNotReady)',
    matches: (failure) => failure.type === ErrorType.DEADLINE_EXCEEDED,
  },
  {
    kind: 'timeout',
    cause: 'gRPC ABORTED "Operation timed out" on Append: the same server timeouts',
    matches: (failure) => failure.type === ErrorType.TIMEOUT,
  },
  {
    kind: 'cancelled',
    cause: 'gRPC CANCELLED by the server or a proxy (the client leaves out its own cancellations)',
    matches: (failure) => failure.type === ErrorType.CANCELLED,
  },
  {
    kind: 'not-leader',
    cause: 'NotLeader: the client reconnects to the leader the node names',
    matches: (failure) => failure.type === ErrorType.NOT_LEADER,
  },
  {
    kind: 'rst-stream',
    cause:
      'gRPC INTERNAL "Received RST_STREAM": an HTTP/2 stream reset by the server or a proxy between us',
    matches: (failure) => failure.code === GRPC_INTERNAL && /RST_STREAM/.test(failure.message),
  },
  {
    kind: 'socket',
    cause: "Node's socket errors, for failures that reach us without a gRPC status",
    matches: (failure) =>
      typeof failure.code === 'string' && TRANSIENT_SOCKET_CODES.has(failure.code),
  },
];

export interface TransientFailure {
  readonly kind: string;
  /** What the node or the network was going through. */
  readonly cause: string;
  readonly matches: (failure: FailureShape) => boolean;
}

/** What the table looks at: the client's classification, the gRPC or socket code, the text. */
export interface FailureShape {
  readonly type?: string;
  readonly code?: unknown;
  readonly message: string;
}

const GRPC_INTERNAL = 13;

/** What the client recognised as an answer to the request itself, whatever its text says. */
const FINAL_TYPES: ReadonlySet<string> = new Set([
  ErrorType.WRONG_EXPECTED_VERSION,
  ErrorType.STREAM_NOT_FOUND,
  ErrorType.STREAM_DELETED,
  ErrorType.ACCESS_DENIED,
  ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED,
  ErrorType.INVALID_ARGUMENT,
]);

const TRANSIENT_SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** The row of the table an error falls under, or undefined when it is final. */
export function transientKindOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const converted = toCommandError(error);
  if (isCommandError(converted) && FINAL_TYPES.has(converted.type)) return undefined;
  const failure: FailureShape = {
    type: isCommandError(converted) ? converted.type : undefined,
    code: (error as { code?: unknown }).code,
    message: `${error.message} ${(error as { details?: unknown }).details ?? ''} ${converted.message}`,
  };
  return TRANSIENT_FAILURES.find((row) => row.matches(failure))?.kind;
}

/**
 * The client's own classification of gRPC failures (status code and `exception` trailer). It
 * reads `details` without checking it exists, so an error shaped only partly like a gRPC one is
 * kept as it is.
 */
export function toCommandError(error: Error): Error {
  try {
    return convertToCommandError(error);
  } catch {
    return error;
  }
}
