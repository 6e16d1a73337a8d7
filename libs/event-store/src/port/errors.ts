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

/** An append larger than the store accepts (EventStoreDB's MaxAppendSize, 1 MiB by default). */
export class AppendTooLargeError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly maxAppendSize: number,
  ) {
    super(
      `Append to stream '${streamId}' exceeds the maximum append size of ${maxAppendSize} bytes`,
    );
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

/** The event was written with a schema version for which no upcaster path to the current one exists. */
export class UnknownSchemaVersionError extends EventStoreError {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
  ) {
    super(`No upcaster takes event type '${type}' from schema version ${schemaVersion}`);
  }
}
