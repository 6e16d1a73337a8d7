import { checkCommit, type CommitCheckLookups, type StoredEventRef } from './commit-check';

/** A stream 's' holding ids at revisions 0.., positions 10, 20, …; `others` are ids last written elsewhere. */
function lookups(ids: string[], others: Record<string, StoredEventRef> = {}): CommitCheckLookups {
  const mine = new Map(
    ids.map((id, revision) => [
      id,
      { streamId: 's', revision, position: BigInt((revision + 1) * 10) },
    ]),
  );
  return {
    currentRevision: ids.length - 1,
    latestWithId: (id) => others[id] ?? mine.get(id),
    eventAt: (revision) =>
      revision >= 0 && revision < ids.length
        ? { eventId: ids[revision], position: BigInt((revision + 1) * 10) }
        : undefined,
  };
}

describe('checkCommit (EventStoreDB IndexWriter.CheckCommit)', () => {
  describe('given an empty stream', () => {
    const empty = lookups([]);
    it.each(['any', 'no_stream'] as const)(
      'when expecting %s, then it writes after -1',
      (expected) => {
        expect(checkCommit('s', expected, ['a'], empty)).toEqual({
          kind: 'write',
          currentRevision: -1,
        });
      },
    );
    it('when expecting stream_exists, then it conflicts with no_stream', () => {
      expect(checkCommit('s', 'stream_exists', ['a'], empty)).toEqual({
        kind: 'conflict',
        actual: 'no_stream',
      });
    });
    it('when expecting revision 0, then it conflicts', () => {
      expect(checkCommit('s', 0, ['a'], empty)).toEqual({ kind: 'conflict', actual: 'no_stream' });
    });
  });

  describe('given a stream holding a, b, c', () => {
    const stream = lookups(['a', 'b', 'c']);
    it.each(['any', 'stream_exists'] as const)(
      'when expecting %s with known ids, then it is idempotent at the last one',
      (expected) => {
        expect(checkCommit('s', expected, ['a', 'b'], stream)).toEqual({
          kind: 'idempotent',
          revision: 1,
          position: 20n,
        });
      },
    );
    it('when expecting any with a known id after an unknown one, then it writes', () => {
      expect(checkCommit('s', 'any', ['x', 'a'], stream)).toEqual({
        kind: 'write',
        currentRevision: 2,
      });
    });
    it('when expecting any with an unknown id after a known one, then it conflicts', () => {
      expect(checkCommit('s', 'any', ['a', 'x'], stream)).toEqual({ kind: 'conflict', actual: 2 });
    });
    it('when expecting any with ids last written to another stream, then it writes', () => {
      const moved = lookups(['a'], { a: { streamId: 't', revision: 0, position: 99n } });
      expect(checkCommit('s', 'any', ['a'], moved)).toEqual({ kind: 'write', currentRevision: 0 });
    });
    it('when expecting no_stream with the first ids, then it is idempotent', () => {
      expect(checkCommit('s', 'no_stream', ['a', 'b'], stream)).toEqual({
        kind: 'idempotent',
        revision: 1,
        position: 20n,
      });
    });
    it('when expecting 0 with the ids at 1 and 2, then it is idempotent', () => {
      expect(checkCommit('s', 0, ['b', 'c'], stream)).toEqual({
        kind: 'idempotent',
        revision: 2,
        position: 30n,
      });
    });
    it('when expecting 0 with the ids at 0 and 1, then it conflicts', () => {
      expect(checkCommit('s', 0, ['a', 'b'], stream)).toEqual({ kind: 'conflict', actual: 2 });
    });
    it('when expecting 1 with more ids than the stream holds after it, then it conflicts', () => {
      expect(checkCommit('s', 1, ['c', 'd'], stream)).toEqual({ kind: 'conflict', actual: 2 });
    });
    it('when expecting a stale revision with no events, then it conflicts', () => {
      expect(checkCommit('s', 1, [], stream)).toEqual({ kind: 'conflict', actual: 2 });
    });
    it('when expecting the current revision with known ids, then it writes them again', () => {
      expect(checkCommit('s', 2, ['a', 'b'], stream)).toEqual({
        kind: 'write',
        currentRevision: 2,
      });
    });
    it('when expecting a revision ahead of the stream, then it conflicts', () => {
      expect(checkCommit('s', 5, ['x'], stream)).toEqual({ kind: 'conflict', actual: 2 });
    });
    it('when expecting any with no events, then it writes nothing after the current revision', () => {
      expect(checkCommit('s', 'any', [], stream)).toEqual({ kind: 'write', currentRevision: 2 });
    });
  });
});
