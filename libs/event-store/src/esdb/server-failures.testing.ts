import { Metadata, status } from '@grpc/grpc-js';
import {
  AccessDeniedError as ClientAccessDeniedError,
  MaxAppendSizeExceededError as ClientMaxAppendSizeExceededError,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  UnknownError as ClientUnknownError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@eventstore/db-client';

/** An error as @grpc/grpc-js reports a failed call: status code, details and trailers. */
export function grpcError(
  code: status,
  details: string,
  trailers: Record<string, string> = {},
): Error {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), {
    code,
    details,
    metadata,
  });
}

/**
 * For unit tests: one failure per row of TRANSIENT_FAILURES, as a node (or the network) produces
 * it and the client passes it on, with the row it belongs to.
 */
export const TRANSIENT_SERVER_FAILURES: ReadonlyArray<readonly [string, string, Error]> = [
  [
    'unavailable',
    'connection refused',
    grpcError(status.UNAVAILABLE, 'No connection established. Last error: connect ECONNREFUSED'),
  ],
  ['unavailable', 'node not ready (Read)', grpcError(status.UNAVAILABLE, 'Server Is Not Ready')],
  ['unavailable', 'node too busy (Append)', grpcError(status.UNAVAILABLE, 'Server Is Too Busy')],
  [
    'not-ready-or-too-busy',
    'NotReady inside a BatchAppend answer',
    new ClientUnknownError(undefined, 'Could not recognize NotReady'),
  ],
  [
    'deadline-exceeded',
    'BatchAppend Timeout (a retry racing its original)',
    grpcError(status.DEADLINE_EXCEEDED, 'Deadline exceeded'),
  ],
  [
    'timeout',
    'Append "Operation timed out"',
    grpcError(status.ABORTED, 'Operation timed out: CommitTimeout'),
  ],
  ['cancelled', 'cancelled by the server', grpcError(status.CANCELLED, 'Cancelled on server')],
  [
    'not-leader',
    'a follower asked for a leader read',
    grpcError(status.NOT_FOUND, 'Leader info available', {
      exception: 'not-leader',
      'leader-endpoint-host': '10.0.0.2',
      'leader-endpoint-port': '2113',
    }),
  ],
  [
    'rst-stream',
    'HTTP/2 stream reset',
    grpcError(
      status.INTERNAL,
      'Received RST_STREAM with code 2 triggered by internal client error',
    ),
  ],
  ['socket', 'socket reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
];

/** For unit tests: answers to the request itself, which a retry would only repeat. */
export const FINAL_SERVER_FAILURES: ReadonlyArray<readonly [string, Error]> = [
  [
    'wrong expected version',
    new ClientWrongExpectedVersionError(undefined, {
      streamName: 's',
      expected: 0n,
      current: 1n,
    }),
  ],
  ['stream not found', new ClientStreamNotFoundError(undefined, 's')],
  ['stream deleted', ClientStreamDeletedError.fromStreamName('s')],
  [
    'access denied',
    new ClientAccessDeniedError(grpcError(status.PERMISSION_DENIED, 'Access denied') as never),
  ],
  ['bad credentials', grpcError(status.UNAUTHENTICATED, 'Bad credentials')],
  [
    'invalid position',
    grpcError(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.'),
  ],
  ['append too large', ClientMaxAppendSizeExceededError.fromMaxAppendSize(1048576)],
  ['another INTERNAL', grpcError(status.INTERNAL, 'Unexpected error')],
  ['a bug of ours', new TypeError('x is undefined')],
];
