import type { ActualRevision, ExpectedRevision } from './expected-revision';

/** Base class of every error the store port raises, so callers can tell them from bugs. */
export class EventStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the expected revision. Nothing was written. */
export class WrongExpectedVersionError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(
      `Append to stream '${streamId}' failed: expected revision ${String(expected)}, actual ${String(actual)}`,
    );
  }
}

/** Reading a stream that has no events, where EventStoreDB raises StreamNotFound. */
export class StreamNotFoundError extends EventStoreError {
  constructor(readonly streamId: string) {
    super(`Stream '${streamId}' not found`);
  }
}

/** The stream was deleted (EventStoreDB only: Duty Ledger never deletes). */
export class StreamDeletedError extends EventStoreError {
  constructor(readonly streamId: string) {
    super(`Stream '${streamId}' is deleted`);
  }
}

/**
 * An append larger than the store accepts: in total (EventStoreDB's MaxAppendSize: 1 MiB up to
 * 25.0, 256 MiB from 25.1), or in one event (16 MiB from EventStoreDB 25.1). Nothing was written.
 */
export class AppendTooLargeError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly maxAppendSize: number,
    /** Which limit was passed: the whole append's or one event's. */
    readonly limit: 'append' | 'event' = 'append',
  ) {
    super(
      limit === 'append'
        ? `Append to stream '${streamId}' exceeds the maximum append size of ${maxAppendSize} bytes`
        : `Append to stream '${streamId}' holds an event over the maximum event size of ${maxAppendSize} bytes`,
    );
  }
}

/**
 * A position in $all that the store does not know as the start of a record: taken from another
 * store, a restored node, or made up. Nothing was read.
 */
export class InvalidPositionError extends EventStoreError {
  constructor(readonly position: string) {
    super(`Position ${position} is not the position of an event in this store's log`);
  }
}

/** The store could not be reached or failed in a way the caller cannot fix. */
export class EventStoreUnavailableError extends EventStoreError {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
  }
}

/**
 * The store refused the credentials, or the user lacks a right the service needs. The message says
 * which user and which right (see the README's EventStoreDB section). For callers the store is
 * unavailable (HTTP 503, the message goes to the log): only its operator can fix it, and a retry
 * does not.
 */
export class EventStoreAccessDeniedError extends EventStoreUnavailableError {}

/** The event was written with a schema version for which no upcaster path to the current one exists. */
export class UnknownSchemaVersionError extends EventStoreError {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
  ) {
    super(`No upcaster takes event type '${type}' from schema version ${schemaVersion}`);
  }
}
