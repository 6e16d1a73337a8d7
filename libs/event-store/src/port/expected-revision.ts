/**
 * The optimistic-concurrency condition of an append, with EventStoreDB's meanings:
 * - 'any': no check;
 * - 'no_stream': the stream must not exist (it is at revision -1);
 * - 'stream_exists': the stream must have at least one event;
 * - a number: the revision (0-based) of the stream's last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** The actual state of a stream as reported in a conflict: its last revision, or 'no_stream'. */
export type ActualRevision = 'no_stream' | number;
