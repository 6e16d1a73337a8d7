import { status } from '@grpc/grpc-js';
import {
  AccessDeniedError as ClientAccessDeniedError,
  MaxAppendSizeExceededError as ClientMaxAppendSizeExceededError,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  UnknownError as ClientUnknownError,
  UnavailableError as ClientUnavailableError,
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
import { isTransientError, translateError } from './error-translation';
import { grpcError } from './server-failures.testing';

describe('error translation', () => {
  describe('wrong expected version', () => {
    it('keeps the stream, the expected and the actual revision', () => {
      const error = new ClientWrongExpectedVersionError(undefined, {
        streamName: 'plan-1',
        expected: 3n,
        current: 5n,
      });
      const translated = translateError(error);
      expect(translated).toBeInstanceOf(WrongExpectedVersionError);
      expect(translated).toMatchObject({ streamId: 'plan-1', expected: 3, actual: 5 });
    });

    it.each([
      ['no_stream', 0n, 'no_stream', 0],
      ['stream_exists', 'no_stream', 'stream_exists', 'no_stream'],
      ['any', 2n, 'any', 2],
    ] as const)('maps expected %p / actual %p', (expected, current, ourExpected, ourActual) => {
      const error = new ClientWrongExpectedVersionError(undefined, {
        streamName: 's',
        expected,
        current,
      });
      expect(translateError(error)).toMatchObject({ expected: ourExpected, actual: ourActual });
    });

    it('reads the gRPC trailers, where no_stream is -1', () => {
      const error = grpcError(status.FAILED_PRECONDITION, 'Expected version mismatch', {
        exception: 'wrong-expected-version',
        'stream-name': 'plan-2',
        'expected-version': '-1',
        'actual-version': '4',
      });
      expect(translateError(error)).toMatchObject({
        streamId: 'plan-2',
        expected: 'no_stream',
        actual: 4,
      });
    });
  });

  it('translates StreamNotFound', () => {
    const translated = translateError(new ClientStreamNotFoundError(undefined, 'missing-1'));
    expect(translated).toBeInstanceOf(StreamNotFoundError);
    expect(translated).toMatchObject({ streamId: 'missing-1' });
  });

  it('translates StreamDeleted, from the class and from the gRPC status', () => {
    expect(translateError(ClientStreamDeletedError.fromStreamName('gone-1'))).toMatchObject({
      constructor: StreamDeletedError,
      streamId: 'gone-1',
    });
    const fromStatus = grpcError(status.FAILED_PRECONDITION, "Event stream 'gone-2' is deleted.", {
      exception: 'stream-deleted',
      'stream-name': 'gone-2',
    });
    expect(translateError(fromStatus)).toMatchObject({
      constructor: StreamDeletedError,
      streamId: 'gone-2',
    });
  });

  it('translates MaxAppendSizeExceeded to AppendTooLargeError with the stream being written', () => {
    const translated = translateError(ClientMaxAppendSizeExceededError.fromMaxAppendSize(1048576), {
      streamId: 'big-1',
    });
    expect(translated).toBeInstanceOf(AppendTooLargeError);
    expect(translated).toMatchObject({ streamId: 'big-1', maxAppendSize: 1048576 });
  });

  describe('unavailable server', () => {
    const refused = grpcError(
      status.UNAVAILABLE,
      'No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:1.',
    );

    it.each([
      ['a raw gRPC UNAVAILABLE status (as appendToStream throws it)', refused],
      ['the client UnavailableError', new ClientUnavailableError(refused as never)],
      ['a dropped connection', grpcError(status.UNAVAILABLE, 'Connection dropped')],
      ['a deadline', grpcError(status.DEADLINE_EXCEEDED, 'Deadline exceeded')],
      ['a socket reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ])('%s becomes EventStoreUnavailableError and counts as transient', (_name, error) => {
      const translated = translateError(error);
      expect(translated).toBeInstanceOf(EventStoreUnavailableError);
      expect((translated as EventStoreUnavailableError).cause).toBeDefined();
      expect(isTransientError(error)).toBe(true);
    });
  });

  describe('access denied on a secured node', () => {
    const denied = () =>
      new ClientAccessDeniedError(grpcError(status.PERMISSION_DENIED, 'Access denied') as never);

    it('given a subscription to $all, then the message names the user and the right on $all it lacks', () => {
      const translated = translateError(denied(), { operation: 'subscribe-all', user: 'ops' });
      expect(translated).toBeInstanceOf(EventStoreAccessDeniedError);
      expect(translated).toBeInstanceOf(EventStoreUnavailableError); // 503 over HTTP, not a 500
      expect(isTransientError(translated)).toBe(false);
      expect((translated as Error).message).toMatch(/user 'ops'/);
      expect((translated as Error).message).toMatch(/read \(\$r\) on \$all: be in \$admins/);
      expect((translated as Error).message).toMatch(/EVENTSTORE_CONNECTION_STRING/);
      expect(isTransientError(denied())).toBe(false);
    });

    it('given an append without a user in the connection string, then it says the caller was anonymous and which stream needs $w', () => {
      const translated = translateError(denied(), { operation: 'append', streamId: 'task-7' });
      expect((translated as Error).message).toMatch(/anonymous caller/);
      expect((translated as Error).message).toMatch(/write \(\$w\) on stream 'task-7'/);
    });

    it('given credentials the node does not accept, then it says to correct the password', () => {
      const translated = translateError(grpcError(status.UNAUTHENTICATED, 'Bad credentials'), {
        operation: 'read-stream',
        user: 'ops',
      });
      expect(translated).toBeInstanceOf(EventStoreAccessDeniedError);
      expect((translated as Error).message).toMatch(/did not accept the password of user 'ops'/);
    });
  });

  it.each([
    ['a read', grpcError(status.UNKNOWN, 'Unexpected ReadAllResult: InvalidPosition')],
    [
      'a filtered read',
      grpcError(status.UNKNOWN, 'Unexpected FilteredReadAllResult: InvalidPosition'),
    ],
    [
      'a subscription',
      grpcError(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.'),
    ],
  ])(
    'translates the invalid position of %s to InvalidPositionError naming the position',
    (_name, error) => {
      const translated = translateError(error, { operation: 'read-all', position: '1234/1200' });
      expect(translated).toBeInstanceOf(InvalidPositionError);
      expect(translated).toMatchObject({ position: '1234/1200' });
    },
  );

  it('translates an unknown "event size exceeded" answer to an append into AppendTooLargeError', () => {
    const translated = translateError(
      new ClientUnknownError(undefined, 'Could not recognize MaximumEventSizeExceeded 16777216'),
      { operation: 'append', streamId: 'big-2' },
    );
    expect(translated).toMatchObject({
      constructor: AppendTooLargeError,
      streamId: 'big-2',
      maxAppendSize: 16777216,
      limit: 'event',
    });
  });

  it('counts an already translated error as transient when its cause is', () => {
    const dropped = grpcError(status.UNAVAILABLE, 'Connection dropped');
    expect(isTransientError(translateError(dropped))).toBe(true);
    expect(isTransientError(new EventStoreUnavailableError('The event store is closed'))).toBe(
      false,
    );
  });

  it('does not count request errors as transient', () => {
    expect(isTransientError(new ClientStreamNotFoundError(undefined, 's'))).toBe(false);
    expect(isTransientError(ClientStreamDeletedError.fromStreamName('s'))).toBe(false);
    expect(isTransientError(new TypeError('bug'))).toBe(false);
  });

  it('leaves errors that are not the client’s unchanged', () => {
    const bug = new TypeError('x is undefined');
    expect(translateError(bug)).toBe(bug);
    const ours = new StreamNotFoundError('s');
    expect(translateError(ours)).toBe(ours);
    expect(translateError('a string')).toBe('a string');
  });

  it('copes with an error that looks like gRPC but lacks details', () => {
    const odd = Object.assign(new Error('odd'), { code: status.INTERNAL });
    expect(() => translateError(odd)).not.toThrow();
    expect(isTransientError(odd)).toBe(false);
  });
});
