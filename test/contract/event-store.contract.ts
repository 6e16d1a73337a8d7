import {
  AppendTooLargeError,
  END,
  START,
  StreamNotFoundError,
  UnknownSchemaVersionError,
  UpcasterRegistry,
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
} from '@duty-ledger/event-store';
import {
  collect,
  idsOf,
  newEvent,
  newEvents,
  readAllOf,
  revisionsOf,
  strictlyIncreasing,
  uniqueNames,
  type TestNames,
} from './support/builders';
import { SubscriptionProbe } from './support/subscription-probe';

/**
 * The behaviour every EventStore adapter must share. EventStoreDB (24.10) is the reference: each
 * rule here is one of its rules (see /work/shared/tools/esdb-double/README.md, "Semantics modelled").
 *
 * The suite is safe against a shared, never-reset server: every test writes only streams under its
 * own random prefix, filters every $all read and subscription by that prefix, and never assumes the
 * log is empty or asserts position values (only their order and the inclusive/exclusive rules).
 */
export interface ContractFixture {
  readonly store: EventStore;
  /**
   * Closes the current store and opens a new one on the same data (for EventStoreDB: a new client
   * to the same server). The durability tests need it.
   */
  readonly reopen?: () => Promise<EventStore>;
  /** Closes whatever store is open and removes what the fixture created. */
  cleanup(): Promise<void>;
}

export interface ContractFactoryOptions {
  /** Upcast events to their current schema version on every read. */
  readonly upcasters?: UpcasterRegistry;
}

export type ContractFactory = (options?: ContractFactoryOptions) => Promise<ContractFixture>;

export interface ContractOptions {
  /**
   * The adapter's maximum append size (EventStoreDB: `MaxAppendSize`). When given, the suite also
   * checks that a larger append fails with AppendTooLargeError and writes nothing.
   */
  readonly maxAppendSize?: number;
}

const CHINESE = '区数据局、区委网信办，"固定宽带平均接入带宽超400Mbps"';

/** Data whose JSON text is exactly `bytes` bytes of UTF-8, mostly Chinese. */
function dataOfExactly(bytes: number): JsonObject {
  const chunk = '区数据局、区委网信办，固定宽带平均接入带宽超400Mbps。';
  const chunkBytes = Buffer.byteLength(chunk);
  const room = bytes - Buffer.byteLength(JSON.stringify({ text: '' }));
  const text = chunk.repeat(Math.floor(room / chunkBytes));
  return { text: text + 'x'.repeat(room - Buffer.byteLength(text)) };
}

const jsonBytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');

async function expectConflict(
  attempt: Promise<AppendResult>,
  streamId: string,
  expected: unknown,
  actual: unknown,
): Promise<void> {
  const error = await attempt.then(
    (result) =>
      new Error(
        `expected WrongExpectedVersionError, but the append succeeded: ${JSON.stringify({ ...result, position: String(result.position.commit) })}`,
      ),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect(error).toMatchObject({ streamId, expected, actual });
}

export function describeEventStoreContract(
  adapterName: string,
  factory: ContractFactory,
  contractOptions: ContractOptions = {},
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let fixture: ContractFixture;
    let store: EventStore;
    let names: TestNames;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
      names = uniqueNames();
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    /** Puts events in place for a test, whatever the stream holds. */
    async function given(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
      return store.append(streamId, events, { expectedRevision: 'any' });
    }

    const readStream = (streamId: string, options?: Parameters<EventStore['readStream']>[1]) =>
      collect(store.readStream(streamId, options));

    async function withFixture<T>(
      options: ContractFactoryOptions,
      test: (other: EventStore) => Promise<T>,
    ): Promise<T> {
      const other = await factory(options);
      try {
        return await test(other.store);
      } finally {
        await other.cleanup();
      }
    }

    async function reopen(): Promise<EventStore> {
      if (!fixture.reopen)
        throw new Error(
          `The ${adapterName} contract fixture must provide reopen() for the durability tests`,
        );
      store = await fixture.reopen();
      return store;
    }

    describe('expected revision no_stream', () => {
      describe('given no stream', () => {
        it('when appending two events expecting no_stream, then they are written at revisions 0 and 1', async () => {
          const stream = names.stream('order');
          const events = [
            newEvent(names.type('Placed'), { n: 1 }),
            newEvent(names.type('Paid'), { n: 2 }),
          ];

          const result = await store.append(stream, events, { expectedRevision: 'no_stream' });

          expect(result.nextExpectedRevision).toBe(1);
          const stored = await readStream(stream);
          expect(revisionsOf(stored)).toEqual([0, 1]);
          expect(idsOf(stored)).toEqual(idsOf(events));
          expect(
            stored.map((event) => [
              event.streamId,
              event.type,
              event.schemaVersion,
              event.data,
              event.metadata,
            ]),
          ).toEqual(events.map((event) => [stream, event.type, 1, event.data, event.metadata]));
        });
      });

      describe('given a stream at revision 0', () => {
        it('when appending new events expecting no_stream, then WrongExpectedVersion(no_stream, actual 0) and nothing is written', async () => {
          const stream = names.stream('order');
          await given(stream, [newEvent(names.type('Placed'))]);

          await expectConflict(
            store.append(stream, [newEvent(names.type('Placed'))], {
              expectedRevision: 'no_stream',
            }),
            stream,
            'no_stream',
            0,
          );
          expect(await readStream(stream)).toHaveLength(1);
        });
      });
    });

    describe('expected revision any', () => {
      describe('given no stream', () => {
        it('when appending expecting any, then the stream starts at revision 0', async () => {
          const stream = names.stream('order');
          const result = await store.append(stream, [newEvent(names.type('Placed'))], {
            expectedRevision: 'any',
          });
          expect(result.nextExpectedRevision).toBe(0);
        });
      });

      describe('given a stream at revision 1', () => {
        it('when appending new events expecting any, then they follow revision 1', async () => {
          const stream = names.stream('order');
          await given(stream, newEvents(names.type('Placed'), 2));

          const result = await store.append(stream, newEvents(names.type('Paid'), 2), {
            expectedRevision: 'any',
          });

          expect(result.nextExpectedRevision).toBe(3);
          expect(revisionsOf(await readStream(stream))).toEqual([0, 1, 2, 3]);
        });
      });
    });

    describe('expected revision stream_exists', () => {
      describe('given no stream', () => {
        it('when appending expecting stream_exists, then WrongExpectedVersion(stream_exists, actual no_stream) and nothing is written', async () => {
          const stream = names.stream('order');

          await expectConflict(
            store.append(stream, [newEvent(names.type('Placed'))], {
              expectedRevision: 'stream_exists',
            }),
            stream,
            'stream_exists',
            'no_stream',
          );
          await expect(readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        });
      });

      describe('given a stream at revision 0', () => {
        it('when appending new events expecting stream_exists, then they follow revision 0', async () => {
          const stream = names.stream('order');
          await given(stream, [newEvent(names.type('Placed'))]);

          const result = await store.append(stream, [newEvent(names.type('Paid'))], {
            expectedRevision: 'stream_exists',
          });

          expect(result.nextExpectedRevision).toBe(1);
        });
      });
    });

    describe('expected revision as a number', () => {
      describe('given a stream at revision 1', () => {
        let stream: string;
        beforeEach(async () => {
          stream = names.stream('order');
          await given(stream, newEvents(names.type('Placed'), 2));
        });

        it('when appending expecting 1, then the events are written at revision 2 onwards', async () => {
          const result = await store.append(stream, newEvents(names.type('Paid'), 2), {
            expectedRevision: 1,
          });
          expect(result.nextExpectedRevision).toBe(3);
          expect(revisionsOf(await readStream(stream))).toEqual([0, 1, 2, 3]);
        });

        it('when appending new events expecting 0, then WrongExpectedVersion(0, actual 1) and nothing is written', async () => {
          await expectConflict(
            store.append(stream, [newEvent(names.type('Paid'))], { expectedRevision: 0 }),
            stream,
            0,
            1,
          );
          expect(await readStream(stream)).toHaveLength(2);
        });

        it('when appending expecting 5 (ahead of the stream), then WrongExpectedVersion(5, actual 1)', async () => {
          await expectConflict(
            store.append(stream, [newEvent(names.type('Paid'))], { expectedRevision: 5 }),
            stream,
            5,
            1,
          );
          expect(await readStream(stream)).toHaveLength(2);
        });
      });

      describe('given no stream', () => {
        it('when appending expecting 0, then WrongExpectedVersion(0, actual no_stream)', async () => {
          const stream = names.stream('order');
          await expectConflict(
            store.append(stream, [newEvent(names.type('Placed'))], { expectedRevision: 0 }),
            stream,
            0,
            'no_stream',
          );
          await expect(readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        });
      });
    });

    describe('concurrent appends', () => {
      describe('given a stream at revision 0', () => {
        it('when 50 appends expecting revision 0 race, then exactly one wins and 49 get WrongExpectedVersion(0, actual 1)', async () => {
          const stream = names.stream('race');
          await given(stream, [newEvent(names.type('Opened'))]);
          const contenders = Array.from({ length: 50 }, (_, index) =>
            newEvent(names.type('Claimed'), { index }),
          );

          const outcomes = await Promise.allSettled(
            contenders.map((event) => store.append(stream, [event], { expectedRevision: 0 })),
          );

          const winners = outcomes.flatMap((outcome, index) =>
            outcome.status === 'fulfilled' ? [index] : [],
          );
          const losers = outcomes.flatMap((outcome) =>
            outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
          );
          expect(winners).toHaveLength(1);
          expect(losers).toHaveLength(49);
          for (const reason of losers) {
            expect(reason).toBeInstanceOf(WrongExpectedVersionError);
            expect(reason).toMatchObject({ streamId: stream, expected: 0, actual: 1 });
          }
          const stored = await readStream(stream);
          expect(revisionsOf(stored)).toEqual([0, 1]);
          expect(stored[1].id).toBe(contenders[winners[0]].id);
        });
      });

      // Appends issued without awaiting each other: an adapter that commits them together (the
      // SQLite store's group commit) must still check and answer each one on its own.
      describe('given two streams at revision 0', () => {
        it('when three appends per stream expecting 0 race, interleaved, then one per stream wins and the others get WrongExpectedVersion(0, actual 1)', async () => {
          const streams = [names.stream('left'), names.stream('right')];
          for (const stream of streams) await given(stream, [newEvent(names.type('Opened'))]);
          const contenders = [0, 1, 2].flatMap((round) =>
            streams.map((stream) => ({
              stream,
              event: newEvent(names.type('Claimed'), { round }),
            })),
          );

          const outcomes = await Promise.allSettled(
            contenders.map(({ stream, event }) =>
              store.append(stream, [event], { expectedRevision: 0 }),
            ),
          );

          for (const stream of streams) {
            const mine = outcomes.filter((_, index) => contenders[index].stream === stream);
            expect(mine.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
            for (const outcome of mine) {
              if (outcome.status === 'fulfilled') {
                expect(outcome.value.nextExpectedRevision).toBe(1);
                continue;
              }
              expect(outcome.reason).toBeInstanceOf(WrongExpectedVersionError);
              expect(outcome.reason).toMatchObject({ streamId: stream, expected: 0, actual: 1 });
            }
            const stored = await readStream(stream);
            expect(revisionsOf(stored)).toEqual([0, 1]);
            const winner = contenders.find(
              (contender, index) =>
                contender.stream === stream && outcomes[index].status === 'fulfilled',
            );
            expect(stored[1].id).toBe(winner?.event.id);
          }
        });
      });

      describe('given a stream at revision 0 and appends to three streams issued at once', () => {
        it('when the one to the existing stream fails its revision check, then the other two are written and each result points at its own last event', async () => {
          const existing = names.stream('existing');
          const fresh = names.stream('fresh');
          const any = names.stream('any');
          const first = newEvent(names.type('Opened'));
          await given(existing, [first]);
          const refused = newEvents(names.type('Line'), 3);
          const freshEvents = newEvents(names.type('Placed'), 2);
          const anyEvent = newEvent(names.type('Noted'));

          const [toFresh, toExisting, toAny] = await Promise.allSettled([
            store.append(fresh, freshEvents, { expectedRevision: 'no_stream' }),
            store.append(existing, refused, { expectedRevision: 'no_stream' }),
            store.append(any, [anyEvent], { expectedRevision: 'any' }),
          ]);

          expect(toExisting.status).toBe('rejected');
          expect(toExisting.status === 'rejected' && toExisting.reason).toMatchObject({
            streamId: existing,
            expected: 'no_stream',
            actual: 0,
          });
          expect(idsOf(await readStream(existing))).toEqual([first.id]);
          const all = await readAllOf(store, names);
          expect(idsOf(all).sort()).toEqual(
            idsOf([first, ...freshEvents, anyEvent]).sort() as string[],
          );
          const position = (id: string | undefined) =>
            all.find((event) => event.id === id)!.position;
          if (toFresh.status !== 'fulfilled' || toAny.status !== 'fulfilled')
            throw new Error('the appends to fresh and any should have succeeded');
          expect(toFresh.value.nextExpectedRevision).toBe(1);
          expect(toFresh.value.position).toEqual(position(freshEvents[1].id));
          expect(toAny.value.nextExpectedRevision).toBe(0);
          expect(toAny.value.position).toEqual(position(anyEvent.id));
        });
      });

      describe('given no stream', () => {
        it.each(['no_stream', 'any'] as const)(
          'when [A, B] and its retry are appended at once expecting %s, then both succeed with the same result and one copy is stored',
          async (expectedRevision) => {
            const stream = names.stream('order');
            const batch = [newEvent(names.type('A')), newEvent(names.type('B'))];

            const [original, retry] = await Promise.all([
              store.append(stream, batch, { expectedRevision }),
              store.append(stream, batch, { expectedRevision }),
            ]);

            expect(retry).toEqual(original);
            expect(original.nextExpectedRevision).toBe(1);
            expect(idsOf(await readStream(stream))).toEqual(idsOf(batch));
            const [, b] = await readAllOf(store, names);
            expect(original.position).toEqual(b.position);
          },
        );
      });
    });

    describe('atomicity', () => {
      describe('given a stream at revision 0', () => {
        let stream: string;
        let first: NewEvent;
        beforeEach(async () => {
          stream = names.stream('order');
          first = newEvent(names.type('Placed'));
          await given(stream, [first]);
        });

        it('when a three-event append fails its revision check, then none of the three is written, in the stream or in $all', async () => {
          const batch = newEvents(names.type('Line'), 3);

          await expect(
            store.append(stream, batch, { expectedRevision: 'no_stream' }),
          ).rejects.toBeInstanceOf(WrongExpectedVersionError);

          expect(idsOf(await readStream(stream))).toEqual([first.id]);
          expect(idsOf(await readAllOf(store, names))).toEqual([first.id]);
        });

        it('when a three-event append has partly known ids (A known, then new ones), then none of the three is written', async () => {
          const partlyKnown = [
            { ...first },
            newEvent(names.type('Line')),
            newEvent(names.type('Line')),
          ];

          await expectConflict(
            store.append(stream, partlyKnown, { expectedRevision: 'any' }),
            stream,
            'any',
            0,
          );

          expect(idsOf(await readStream(stream))).toEqual([first.id]);
          expect(idsOf(await readAllOf(store, names))).toEqual([first.id]);
        });

        if (contractOptions.maxAppendSize !== undefined) {
          const limit = contractOptions.maxAppendSize;
          it(`when a three-event append exceeds the maximum append size (${limit} bytes) in total, then AppendTooLargeError and none is written`, async () => {
            const third = Math.ceil(limit / 3);
            const batch = [0, 1, 2].map((index) =>
              newEvent(names.type('Blob'), { index, blob: 'x'.repeat(third) }),
            );

            const error = await store
              .append(stream, batch, { expectedRevision: 0 })
              .catch((rejection: unknown) => rejection);

            expect(error).toBeInstanceOf(AppendTooLargeError);
            expect(error).toMatchObject({ streamId: stream });
            expect(idsOf(await readStream(stream))).toEqual([first.id]);
          });
        }
      });
    });

    describe('idempotency', () => {
      describe('given [A, B] appended expecting no_stream', () => {
        let stream: string;
        let batch: NewEvent[];
        let firstResult: AppendResult;
        beforeEach(async () => {
          stream = names.stream('order');
          batch = [newEvent(names.type('A')), newEvent(names.type('B'))];
          firstResult = await store.append(stream, batch, { expectedRevision: 'no_stream' });
        });

        async function expectOneCopy(): Promise<RecordedEvent[]> {
          const stored = await readStream(stream);
          expect(idsOf(stored)).toEqual(idsOf(batch));
          expect(idsOf(await readAllOf(store, names))).toEqual(idsOf(batch));
          return stored;
        }

        it.each(['no_stream', 'any', 'stream_exists'] as const)(
          'when [A, B] is appended again expecting %s, then it succeeds without writing and points at B, the last event already written',
          async (expectedRevision) => {
            const retry = await store.append(stream, batch, { expectedRevision });

            expect(retry).toEqual(firstResult);
            expect(retry.nextExpectedRevision).toBe(1);
            const [, b] = await readAllOf(store, names);
            expect(retry.position).toEqual(b.position);
            await expectOneCopy();
          },
        );

        it('when [A, B] is appended again expecting 0, then WrongExpectedVersion(0, actual 1): the ids are not those after revision 0', async () => {
          await expectConflict(store.append(stream, batch, { expectedRevision: 0 }), stream, 0, 1);
          await expectOneCopy();
        });

        it('when [A, B] is appended again expecting 1 (the current revision), then a second copy is written at 2 and 3', async () => {
          const result = await store.append(stream, batch, { expectedRevision: 1 });

          expect(result.nextExpectedRevision).toBe(3);
          expect(idsOf(await readStream(stream))).toEqual([...idsOf(batch), ...idsOf(batch)]);
        });

        it('when [A] alone is appended again expecting any, then it is idempotent and points at A', async () => {
          const retry = await store.append(stream, [batch[0]], { expectedRevision: 'any' });

          expect(retry.nextExpectedRevision).toBe(0);
          const [a] = await readAllOf(store, names);
          expect(retry.position).toEqual(a.position);
          await expectOneCopy();
        });

        it.each(['any', 'no_stream'] as const)(
          'when [A, C] (partly known ids) is appended expecting %s, then WrongExpectedVersion(actual 1) and C is not written',
          async (expectedRevision) => {
            const c = newEvent(names.type('C'));
            await expectConflict(
              store.append(stream, [batch[0], c], { expectedRevision }),
              stream,
              expectedRevision,
              1,
            );
            await expectOneCopy();
          },
        );

        it('when [C, A] (a new id first) is appended expecting any, then both are written, A a second time', async () => {
          const c = newEvent(names.type('C'));

          const result = await store.append(stream, [c, batch[0]], { expectedRevision: 'any' });

          expect(result.nextExpectedRevision).toBe(3);
          expect(idsOf(await readStream(stream))).toEqual([
            batch[0].id,
            batch[1].id,
            c.id,
            batch[0].id,
          ]);
        });

        it('when A is appended to another stream, then it is written there too (ids are not unique across streams)', async () => {
          const other = names.stream('other');

          const result = await store.append(other, [batch[0]], { expectedRevision: 'no_stream' });

          expect(result.nextExpectedRevision).toBe(0);
          expect(idsOf(await readStream(other))).toEqual([batch[0].id]);
          expect(idsOf(await readStream(stream))).toEqual(idsOf(batch));
        });
      });

      describe('given [A, B, C] appended expecting no_stream', () => {
        it('when [A, B] is appended expecting no_stream, then it is idempotent and points at B', async () => {
          const stream = names.stream('order');
          const batch = newEvents(names.type('Line'), 3);
          await store.append(stream, batch, { expectedRevision: 'no_stream' });

          const retry = await store.append(stream, batch.slice(0, 2), {
            expectedRevision: 'no_stream',
          });

          expect(retry.nextExpectedRevision).toBe(1);
          const stored = await readAllOf(store, names);
          expect(retry.position).toEqual(stored[1].position);
          expect(stored).toHaveLength(3);
        });
      });

      describe('given X at revision 0 and [A, B] appended expecting 0', () => {
        it('when [A, B] is appended again expecting 0, then it is idempotent and points at B (revision 2)', async () => {
          const stream = names.stream('order');
          await store.append(stream, [newEvent(names.type('X'))], {
            expectedRevision: 'no_stream',
          });
          const batch = newEvents(names.type('Line'), 2);
          const first = await store.append(stream, batch, { expectedRevision: 0 });

          const retry = await store.append(stream, batch, { expectedRevision: 0 });

          expect(first.nextExpectedRevision).toBe(2);
          expect(retry).toEqual(first);
          expect(await readStream(stream)).toHaveLength(3);
        });
      });

      describe('given events appended without ids', () => {
        it('when the same events are appended twice, then each append gets fresh uuids and both are written', async () => {
          const stream = names.stream('order');
          const anonymous: NewEvent = {
            type: names.type('Noted'),
            schemaVersion: 1,
            data: { note: 'x' },
          };

          await store.append(stream, [anonymous], { expectedRevision: 'any' });
          await store.append(stream, [anonymous], { expectedRevision: 'any' });

          const stored = await readStream(stream);
          expect(stored).toHaveLength(2);
          for (const event of stored)
            expect(event.id).toMatch(
              /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
            );
          expect(stored[0].id).not.toBe(stored[1].id);
          expect(stored[0].metadata).toEqual({});
        });
      });
    });

    describe('appending no events', () => {
      it('given a stream at revision 1, when appending [] expecting 1, then it answers revision 1 and writes nothing', async () => {
        const stream = names.stream('order');
        await given(stream, newEvents(names.type('Placed'), 2));

        const result = await store.append(stream, [], { expectedRevision: 1 });

        expect(result.nextExpectedRevision).toBe(1);
        expect(await readStream(stream)).toHaveLength(2);
      });

      it('given a stream at revision 1, when appending [] expecting 0, then WrongExpectedVersion(0, actual 1)', async () => {
        const stream = names.stream('order');
        await given(stream, newEvents(names.type('Placed'), 2));

        await expectConflict(store.append(stream, [], { expectedRevision: 0 }), stream, 0, 1);
      });

      it('given no stream, when appending [] expecting no_stream, then it answers -1 and the stream still does not exist', async () => {
        const stream = names.stream('order');

        const result = await store.append(stream, [], { expectedRevision: 'no_stream' });

        expect(result.nextExpectedRevision).toBe(-1);
        await expect(readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('reading a stream', () => {
      describe('given a stream with revisions 0 to 4', () => {
        let stream: string;
        beforeEach(async () => {
          stream = names.stream('order');
          await given(stream, newEvents(names.type('Line'), 5));
        });

        it.each([
          ['forwards, everything', {}, [0, 1, 2, 3, 4]],
          ['backwards, everything', { direction: 'backwards' }, [4, 3, 2, 1, 0]],
          ['forwards from revision 2 (inclusive)', { fromRevision: 2 }, [2, 3, 4]],
          [
            'backwards from revision 2 (inclusive)',
            { direction: 'backwards', fromRevision: 2 },
            [2, 1, 0],
          ],
          ['forwards, maxCount 2', { maxCount: 2 }, [0, 1]],
          ['backwards, maxCount 2', { direction: 'backwards', maxCount: 2 }, [4, 3]],
          ['forwards from revision 2, maxCount 2', { fromRevision: 2, maxCount: 2 }, [2, 3]],
          [
            'backwards from the end, maxCount 1 (the last event)',
            { direction: 'backwards', fromRevision: END, maxCount: 1 },
            [4],
          ],
          ['forwards from revision 10 (past the end)', { fromRevision: 10 }, []],
        ] as const)(
          'when reading %s, then the revisions are as expected',
          async (_, options, expected) => {
            const stored = await readStream(stream, options);
            expect(revisionsOf(stored)).toEqual(expected);
            expect(stored.every((event) => event.data.index === event.revision)).toBe(true);
          },
        );

        it('when reading forwards, then each event carries its stream, type, a recording time and increasing positions', async () => {
          const before = Date.now();
          const stored = await readStream(stream);
          for (const event of stored) {
            expect(event.streamId).toBe(stream);
            expect(event.type).toBe(names.type('Line'));
            expect(event.recordedAt).toBeInstanceOf(Date);
            expect(Number.isNaN(event.recordedAt.getTime())).toBe(false);
            expect(event.recordedAt.getTime()).toBeLessThanOrEqual(before + 60_000);
          }
          expect(strictlyIncreasing(stored)).toBe(true);
        });
      });

      describe('given no stream', () => {
        it.each(['forwards', 'backwards'] as const)(
          'when reading it %s, then StreamNotFoundError names it',
          async (direction) => {
            const stream = names.stream('absent');
            const error = await readStream(stream, { direction }).catch(
              (rejection: unknown) => rejection,
            );
            expect(error).toBeInstanceOf(StreamNotFoundError);
            expect(error).toMatchObject({ streamId: stream });
          },
        );
      });
    });

    describe('reading $all', () => {
      describe('given appends to two streams in the order a, b, a', () => {
        let appended: NewEvent[];
        let results: AppendResult[];
        beforeEach(async () => {
          const a = names.stream('a');
          const b = names.stream('b');
          const batches: [string, NewEvent[]][] = [
            [a, newEvents(names.type('Alpha'), 2)],
            [b, newEvents(names.type('Beta'), 1)],
            [a, newEvents(names.type('Alpha'), 2)],
          ];
          appended = batches.flatMap(([, events]) => events);
          results = [];
          for (const [stream, events] of batches)
            results.push(await store.append(stream, events, { expectedRevision: 'any' }));
        });

        it('when reading forwards, then the events come in commit order with strictly increasing positions', async () => {
          const all = await readAllOf(store, names);
          expect(idsOf(all)).toEqual(idsOf(appended));
          expect(strictlyIncreasing(all)).toBe(true);
          expect(all.map((event) => [event.streamId, event.revision])).toEqual([
            [names.stream('a'), 0],
            [names.stream('a'), 1],
            [names.stream('b'), 0],
            [names.stream('a'), 2],
            [names.stream('a'), 3],
          ]);
        });

        it('when comparing with the append results, then each result holds the position of its last event', async () => {
          const all = await readAllOf(store, names);
          expect(results.map((result) => result.position)).toEqual([
            all[1].position,
            all[2].position,
            all[4].position,
          ]);
        });

        it('when reading backwards from the end, then the events come in reverse commit order', async () => {
          const all = await readAllOf(store, names, { direction: 'backwards', fromPosition: END });
          expect(idsOf(all)).toEqual(idsOf(appended).reverse());
        });

        it("when reading forwards from an event's position, then that event comes first (inclusive)", async () => {
          const all = await readAllOf(store, names);
          const from = await readAllOf(store, names, { fromPosition: all[2].position });
          expect(idsOf(from)).toEqual(idsOf(all.slice(2)));
        });

        it("when reading backwards from an event's position, then the event before it comes first", async () => {
          const all = await readAllOf(store, names);
          const from = await readAllOf(store, names, {
            direction: 'backwards',
            fromPosition: all[2].position,
          });
          expect(idsOf(from)).toEqual(idsOf(all.slice(0, 2)).reverse());
        });

        it('when reading with maxCount 2, then forwards gives the first two and backwards the last two', async () => {
          const forwards = await readAllOf(store, names, { maxCount: 2 });
          const backwards = await readAllOf(store, names, { direction: 'backwards', maxCount: 2 });
          expect(idsOf(forwards)).toEqual(idsOf(appended.slice(0, 2)));
          expect(idsOf(backwards)).toEqual(idsOf(appended.slice(3)).reverse());
        });

        it('when reading forwards from START, then all of them are there', async () => {
          const all = await readAllOf(store, names, { fromPosition: START });
          expect(idsOf(all)).toEqual(idsOf(appended));
        });

        it('when reading the head position, then it is at or after the last append', async () => {
          const head = await store.headPosition();
          const last = results[results.length - 1].position;
          expect(head).toBeDefined();
          expect(
            head!.commit > last.commit ||
              (head!.commit === last.commit && head!.prepare >= last.prepare),
          ).toBe(true);
        });
      });

      describe('given streams under different prefixes and events of different types', () => {
        let byStream: Record<string, NewEvent[]>;
        beforeEach(async () => {
          byStream = {
            'task-1': [newEvent(names.type('TaskCreated')), newEvent(names.type('TaskRenamed'))],
            'task-2': [newEvent(names.type('TaskCreated'))],
            'plan-1': [
              newEvent(names.type('PlanCreated')),
              newEvent(names.type('TaskCreatedInPlan')),
            ],
          };
          for (const [stream, events] of Object.entries(byStream))
            await given(names.stream(stream), events);
        });

        it('when filtering by a stream-name prefix, then only those streams come back, in order', async () => {
          const tasks = await collect(
            store.readAll({ filter: { streamNamePrefixes: [names.stream('task-')] } }),
          );
          expect(idsOf(tasks)).toEqual(idsOf([...byStream['task-1'], ...byStream['task-2']]));
        });

        it('when filtering by two stream-name prefixes, then either matches', async () => {
          const both = await collect(
            store.readAll({
              filter: { streamNamePrefixes: [names.stream('task-2'), names.stream('plan-')] },
            }),
          );
          expect(idsOf(both)).toEqual(idsOf([...byStream['task-2'], ...byStream['plan-1']]));
        });

        it('when filtering by an event-type prefix, then only those types come back', async () => {
          const created = await collect(
            store.readAll({ filter: { eventTypePrefixes: [names.type('TaskCreated')] } }),
          );
          expect(idsOf(created)).toEqual(
            idsOf([byStream['task-1'][0], byStream['task-2'][0], byStream['plan-1'][1]]),
          );
        });

        it('when filtering by both a stream prefix and a type prefix, then an event must match both', async () => {
          const filtered = await collect(
            store.readAll({
              filter: {
                streamNamePrefixes: [names.stream('task-')],
                eventTypePrefixes: [names.type('TaskCreated')],
              },
            }),
          );
          expect(idsOf(filtered)).toEqual(idsOf([byStream['task-1'][0], byStream['task-2'][0]]));
        });

        it('when filtering backwards by an event-type prefix, then they come in reverse order', async () => {
          const created = await collect(
            store.readAll({
              direction: 'backwards',
              filter: { eventTypePrefixes: [names.type('TaskCreated')] },
            }),
          );
          expect(idsOf(created)).toEqual(
            idsOf([byStream['plan-1'][1], byStream['task-2'][0], byStream['task-1'][0]]),
          );
        });
      });

      describe('given no stream under a prefix', () => {
        it('when reading $all filtered by it, then the result is empty (no error)', async () => {
          expect(await readAllOf(store, names)).toEqual([]);
          expect(await readAllOf(store, names, { direction: 'backwards' })).toEqual([]);
        });
      });
    });

    describe('subscribing to $all', () => {
      const subscribe = (options: Parameters<EventStore['subscribeToAll']>[0] = {}) =>
        new SubscriptionProbe(
          store.subscribeToAll({
            filter: { streamNamePrefixes: [names.streamPrefix] },
            ...options,
          }),
        );

      describe('given three events', () => {
        let stream: string;
        let existing: NewEvent[];
        beforeEach(async () => {
          stream = names.stream('order');
          existing = newEvents(names.type('Line'), 3);
          for (const event of existing) await given(stream, [event]);
        });

        it('when subscribing from the start, then it delivers the three, then caughtUp once, then live events in order', async () => {
          const probe = subscribe({ fromPosition: START });
          try {
            await probe.untilCaughtUp();
            expect(probe.caughtUpIndex()).toBe(3);
            expect(idsOf(probe.events())).toEqual(idsOf(existing));

            const live = newEvents(names.type('Line'), 2);
            await given(stream, [live[0]]);
            await given(names.stream('other'), [live[1]]);
            await probe.untilEvents(5);

            expect(idsOf(probe.events())).toEqual(idsOf([...existing, ...live]));
            expect(probe.caughtUpCount()).toBe(1);
            expect(strictlyIncreasing(probe.events())).toBe(true);
          } finally {
            await probe.stop();
          }
        });

        it("when subscribing from the first event's position, then it starts after it (exclusive)", async () => {
          const [first] = await readAllOf(store, names);
          const probe = subscribe({ fromPosition: first.position });
          try {
            await probe.untilCaughtUp();
            expect(idsOf(probe.events())).toEqual(idsOf(existing.slice(1)));
          } finally {
            await probe.stop();
          }
        });

        it('when subscribing from the end, then caughtUp comes first and only events appended afterwards are delivered', async () => {
          const probe = subscribe({ fromPosition: END });
          try {
            await probe.untilCaughtUp();
            expect(probe.messages).toEqual([{ kind: 'caughtUp' }]);

            const live = newEvent(names.type('Line'));
            await given(stream, [live]);
            await probe.untilEvents(1);

            expect(idsOf(probe.events())).toEqual([live.id]);
            expect(probe.events()[0].revision).toBe(3);
          } finally {
            await probe.stop();
          }
        });

        it('when subscribing with an event-type filter, then only matching types are delivered', async () => {
          const other = newEvent(names.type('Other'));
          await given(stream, [other]);
          const probe = new SubscriptionProbe(
            store.subscribeToAll({
              fromPosition: START,
              filter: { eventTypePrefixes: [names.type('Oth')] },
            }),
          );
          try {
            await probe.untilCaughtUp();
            expect(idsOf(probe.events())).toEqual([other.id]);
          } finally {
            await probe.stop();
          }
        });
      });

      describe('given a live subscription waiting for events', () => {
        it('when stop() is called, then the iteration ends and later events are not delivered', async () => {
          const stream = names.stream('order');
          const probe = subscribe({ fromPosition: END });
          await probe.untilCaughtUp();

          await probe.stop();
          await given(stream, [newEvent(names.type('Late'))]);

          expect(probe.ended).toBe(true);
          expect(probe.error).toBeUndefined();
          expect(probe.events()).toEqual([]);
        });
      });

      describe('given a consumer that stops inside its loop during catch-up', () => {
        it('when it calls stop() after the first event, then no further message arrives', async () => {
          const stream = names.stream('order');
          await given(stream, newEvents(names.type('Line'), 5));
          const subscription = store.subscribeToAll({
            fromPosition: START,
            filter: { streamNamePrefixes: [names.streamPrefix] },
          });
          const seen: string[] = [];

          for await (const message of subscription) {
            seen.push(message.kind === 'event' ? message.event.id : 'caughtUp');
            await subscription.stop();
          }

          expect(seen).toHaveLength(1);
        });
      });

      describe('given a fast and a slow subscriber', () => {
        it('when writers append while the slow one is held, then the appends complete and both receive everything in order', async () => {
          const stream = names.stream('busy');
          await given(stream, [newEvent(names.type('Opened'))]);
          let release!: () => void;
          const held = new Promise<void>((resolve) => (release = resolve));
          const fast = subscribe({ fromPosition: START });
          const slow = new SubscriptionProbe(
            store.subscribeToAll({
              fromPosition: START,
              filter: { streamNamePrefixes: [names.streamPrefix] },
            }),
            async () => {
              await held;
              await new Promise((resolve) => setTimeout(resolve, 2));
            },
          );
          try {
            await slow.untilEvents(1);
            const writes: NewEvent[] = [];
            for (let batch = 0; batch < 10; batch++) {
              const events = newEvents(names.type('Tick'), 3);
              writes.push(...events);
              await store.append(batch % 2 === 0 ? stream : names.stream('busy-2'), events, {
                expectedRevision: 'any',
              });
            }

            // Every append has completed while the slow subscriber still holds its first message.
            expect(slow.messages).toHaveLength(1);
            release();

            const total = writes.length + 1;
            await fast.untilEvents(total);
            await slow.untilEvents(total);
            const expected = idsOf(await readAllOf(store, names));
            expect(idsOf(fast.events())).toEqual(expected);
            expect(idsOf(slow.events())).toEqual(expected);
            expect(fast.caughtUpCount()).toBe(1);
            expect(slow.caughtUpCount()).toBeLessThanOrEqual(1);
          } finally {
            release();
            await Promise.all([fast.stop(), slow.stop()]);
          }
        });
      });
    });

    describe('data fidelity', () => {
      const tricky: JsonObject = {
        title: CHINESE,
        单位: ['区数据局', '区委网信办'],
        nested: {
          指标: '固定宽带平均接入带宽超400Mbps',
          ratio: 0.25,
          count: 12345678901234,
          ok: true,
          none: null,
        },
        escapes:
          'quote " backslash \\ slash / tab \t newline \n nul \u0000 separator \u2028 \u2029',
        astral: '𠮷野家 😀 👩‍👩‍👧',
        rtl: 'مرحبا עברית',
        combining: 'e\u0301 vs é',
        empty: '',
        list: [1, 'two', { three: 3 }, [], {}],
      };

      describe('given an event with Chinese text and escapes in data and metadata', () => {
        it('when read back from the stream, $all and a subscription, then data and metadata are identical byte for byte', async () => {
          const stream = names.stream('文本');
          const event = newEvent(names.type('Noted'), tricky, {
            metadata: { 来源: CHINESE, tricky },
          });
          await store.append(stream, [event], { expectedRevision: 'no_stream' });

          const [fromStream] = await readStream(stream);
          const [fromAll] = await readAllOf(store, names);
          const probe = new SubscriptionProbe(
            store.subscribeToAll({
              fromPosition: START,
              filter: { streamNamePrefixes: [names.streamPrefix] },
            }),
          );
          await probe.untilCaughtUp();
          await probe.stop();

          for (const read of [fromStream, fromAll, probe.events()[0]]) {
            expect(read.streamId).toBe(stream);
            expect(read.data).toEqual(event.data);
            expect(read.metadata).toEqual(event.metadata);
            expect(jsonBytes(read.data).equals(jsonBytes(event.data))).toBe(true);
            expect(jsonBytes(read.metadata).equals(jsonBytes(event.metadata))).toBe(true);
          }
        });
      });

      describe('given a 1 MB event (1,000,000 bytes of JSON data, mostly Chinese)', () => {
        it('when read back, then data and metadata are identical byte for byte', async () => {
          const stream = names.stream('big');
          const data = dataOfExactly(1_000_000);
          expect(jsonBytes(data).length).toBe(1_000_000);
          const event = newEvent(names.type('Imported'), data, { metadata: { 来源: CHINESE } });

          await store.append(stream, [event], { expectedRevision: 'no_stream' });

          const [fromStream] = await readStream(stream);
          const [fromAll] = await readAllOf(store, names);
          for (const read of [fromStream, fromAll]) {
            expect(jsonBytes(read.data).equals(jsonBytes(data))).toBe(true);
            expect(jsonBytes(read.metadata).equals(jsonBytes(event.metadata))).toBe(true);
          }
        });
      });
    });

    describe('upcasting on read', () => {
      function registryFor(type: string): UpcasterRegistry {
        return new UpcasterRegistry()
          .register(type, 1, ({ owner, ...rest }) => ({ ...rest, assignee: owner }))
          .register(type, 2, (data) => ({ ...data, priority: data.priority ?? 'normal' }));
      }

      describe('given a store with upcasters taking Assigned from version 1 to 3', () => {
        it('when events of versions 1, 2 and 3 are read from the stream, $all and a subscription, then all come back as version 3', async () => {
          const type = names.type('Assigned');
          await withFixture({ upcasters: registryFor(type) }, async (upcasting) => {
            const stream = names.stream('task');
            await upcasting.append(
              stream,
              [
                newEvent(type, { owner: '区数据局' }, { schemaVersion: 1 }),
                newEvent(type, { assignee: '区委网信办' }, { schemaVersion: 2 }),
                newEvent(type, { assignee: '区数据局', priority: 'high' }, { schemaVersion: 3 }),
              ],
              { expectedRevision: 'no_stream' },
            );
            const expected = [
              { schemaVersion: 3, data: { assignee: '区数据局', priority: 'normal' } },
              { schemaVersion: 3, data: { assignee: '区委网信办', priority: 'normal' } },
              { schemaVersion: 3, data: { assignee: '区数据局', priority: 'high' } },
            ];
            const shape = (events: RecordedEvent[]) =>
              events.map(({ schemaVersion, data }) => ({ schemaVersion, data }));

            expect(shape(await collect(upcasting.readStream(stream)))).toEqual(expected);
            expect(
              shape(
                await collect(
                  upcasting.readAll({ filter: { streamNamePrefixes: [names.streamPrefix] } }),
                ),
              ),
            ).toEqual(expected);
            const probe = new SubscriptionProbe(
              upcasting.subscribeToAll({
                fromPosition: START,
                filter: { streamNamePrefixes: [names.streamPrefix] },
              }),
            );
            try {
              await probe.untilCaughtUp();
              expect(shape(probe.events())).toEqual(expected);
            } finally {
              await probe.stop();
            }
          });
        });
      });

      describe('given a store whose upcasters start at version 2', () => {
        it('when a version 1 event is read, then UnknownSchemaVersionError', async () => {
          const type = names.type('Assigned');
          const registry = new UpcasterRegistry().register(type, 2, (data) => ({
            ...data,
            priority: 'normal',
          }));
          await withFixture({ upcasters: registry }, async (upcasting) => {
            const stream = names.stream('task');
            await upcasting.append(stream, [newEvent(type, { owner: 'x' }, { schemaVersion: 1 })], {
              expectedRevision: 'no_stream',
            });

            const error = await collect(upcasting.readStream(stream)).catch(
              (rejection: unknown) => rejection,
            );
            expect(error).toBeInstanceOf(UnknownSchemaVersionError);
            expect(error).toMatchObject({ type, schemaVersion: 1 });
          });
        });
      });
    });

    describe('durability across reopening', () => {
      describe('given [A, B] appended expecting no_stream and the store reopened', () => {
        let stream: string;
        let batch: NewEvent[];
        let firstResult: AppendResult;
        beforeEach(async () => {
          stream = names.stream('order');
          batch = [newEvent(names.type('A'), { 文: CHINESE }), newEvent(names.type('B'))];
          firstResult = await store.append(stream, batch, { expectedRevision: 'no_stream' });
          await reopen();
        });

        it('when reading, then both events are there', async () => {
          const stored = await readStream(stream);
          expect(idsOf(stored)).toEqual(idsOf(batch));
          expect(stored[0].data).toEqual({ 文: CHINESE });
        });

        it.each(['no_stream', 'any'] as const)(
          'when [A, B] is appended again expecting %s, then it is idempotent: one copy, same result',
          async (expectedRevision) => {
            const retry = await store.append(stream, batch, { expectedRevision });
            expect(retry).toEqual(firstResult);
            expect(idsOf(await readStream(stream))).toEqual(idsOf(batch));
          },
        );

        it('when appending a new event, then its position is after the earlier ones', async () => {
          const result = await store.append(stream, [newEvent(names.type('C'))], {
            expectedRevision: 1,
          });
          const all = await readAllOf(store, names);
          expect(result.nextExpectedRevision).toBe(2);
          expect(strictlyIncreasing(all)).toBe(true);
          expect(all[2].position).toEqual(result.position);
        });
      });
    });
  });
}
