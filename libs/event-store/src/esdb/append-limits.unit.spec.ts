import { jsonEvent } from '@eventstore/db-client';
import { AppendTooLargeError } from '../port/errors';
import { appendLimitsOf, checkAppendSize } from './append-limits';

const MiB = 1024 * 1024;
const eventOf = (bytes: number) =>
  jsonEvent({ type: 'T', data: { text: 'x'.repeat(bytes - '{"text":""}'.length) } });

describe('append limits by server version', () => {
  it.each([
    ['24.10.0', { maxAppendSize: MiB }],
    ['25.0.1', { maxAppendSize: MiB }],
    ['25.1.0', { maxAppendSize: 256 * MiB, maxEventSize: 16 * MiB }],
    ['26.0.0', { maxAppendSize: 256 * MiB, maxEventSize: 16 * MiB }],
    [undefined, { maxAppendSize: MiB }],
    ['not a version', { maxAppendSize: MiB }],
  ])('given server version %p, then the limits are %p', (version, limits) => {
    expect(appendLimitsOf(version)).toEqual(limits);
  });

  it('counts data, metadata and the type twice, as the server does: exactly at the limit passes, one byte over fails', () => {
    const limits = { maxAppendSize: 1000 };
    expect(() => checkAppendSize('s', [eventOf(1000 - 2)], limits)).not.toThrow();
    expect(() => checkAppendSize('s', [eventOf(1000 - 1)], limits)).toThrow(AppendTooLargeError);
  });

  it('given a per-event limit, then one event over it fails as an event, several under it pass together', () => {
    const limits = { maxAppendSize: 10_000, maxEventSize: 1000 };
    expect(() =>
      checkAppendSize('s', [eventOf(900), eventOf(900), eventOf(900)], limits),
    ).not.toThrow();
    expect(() => checkAppendSize('s', [eventOf(1001)], limits)).toThrow(
      expect.objectContaining({ limit: 'event', maxAppendSize: 1000 }),
    );
  });
});
