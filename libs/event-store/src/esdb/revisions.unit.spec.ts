import { END, START } from '../port/position';
import {
  fromClientCurrentRevision,
  fromClientExpectedRevision,
  toClientExpectedRevision,
  toClientReadRevision,
  toRevisionNumber,
} from './revisions';

describe('revision mapping', () => {
  describe('expected revision, ours to the client', () => {
    it.each([
      ['any', 'any'],
      ['no_stream', 'no_stream'],
      ['stream_exists', 'stream_exists'],
      [0, 0n],
      [41, 41n],
      [Number.MAX_SAFE_INTEGER, BigInt(Number.MAX_SAFE_INTEGER)],
    ] as const)('%p becomes %p', (ours, client) => {
      expect(toClientExpectedRevision(ours)).toBe(client);
    });

    it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('rejects %p', (revision) => {
      expect(() => toClientExpectedRevision(revision)).toThrow(RangeError);
    });
  });

  describe('expected revision, client to ours', () => {
    it.each([
      ['any', 'any'],
      ['no_stream', 'no_stream'],
      ['stream_exists', 'stream_exists'],
      [0n, 0],
      [41n, 41],
      // The server's numeric constants, as they arrive in gRPC error trailers.
      [-1n, 'no_stream'],
      [-2n, 'any'],
      [-4n, 'stream_exists'],
    ] as const)('%p becomes %p', (client, ours) => {
      expect(fromClientExpectedRevision(client)).toBe(ours);
    });

    it('round-trips every form', () => {
      for (const ours of ['any', 'no_stream', 'stream_exists', 0, 7] as const) {
        expect(fromClientExpectedRevision(toClientExpectedRevision(ours))).toBe(ours);
      }
    });
  });

  describe('actual revision, client to ours', () => {
    it.each([
      ['no_stream', 'no_stream'],
      [-1n, 'no_stream'],
      [0n, 0],
      [12n, 12],
    ] as const)('%p becomes %p', (client, ours) => {
      expect(fromClientCurrentRevision(client)).toBe(ours);
    });
  });

  describe('read revision', () => {
    it('maps the ends and numbers', () => {
      expect(toClientReadRevision(START)).toBe('start');
      expect(toClientReadRevision(END)).toBe('end');
      expect(toClientReadRevision(5)).toBe(5n);
    });

    it('rejects a negative revision', () => {
      expect(() => toClientReadRevision(-1)).toThrow(RangeError);
    });
  });

  it('refuses revisions a JS number cannot hold exactly', () => {
    expect(toRevisionNumber(3n)).toBe(3);
    expect(() => toRevisionNumber(9223372036854775807n)).toThrow(RangeError);
    expect(() => toRevisionNumber(-1n)).toThrow(RangeError);
  });
});
