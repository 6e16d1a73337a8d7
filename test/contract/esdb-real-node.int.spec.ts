import { randomUUID } from 'node:crypto';
import { binaryEvent, EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import {
  AppendTooLargeError,
  EventStoreUnavailableError,
  InvalidPositionError,
  START,
  type Position,
} from '@duty-ledger/event-store';
import { EventStoreDbEventStore, type EventStoreDbOptions } from '@duty-ledger/event-store/esdb';
import { collect, idsOf, newEvent, newEvents, readAllOf, uniqueNames } from './support/builders';
import { SubscriptionProbe } from './support/subscription-probe';

/*
 * Where a real EventStoreDB node differs from a kind test double, each case on a double started
 * with the switch that reproduces it (../shared/tools/esdb-double: its README cites the server
 * source for each). `npm run test:esdb` says where the double is (ESDB_DOUBLE_SERVER).
 */
interface Double {
  readonly port: number;
  readonly store: { readonly all: ReadonlyArray<{ readonly id: string; readonly stream: string }> };
  stop(): Promise<void>;
}
type StartDouble = (options: Record<string, unknown>) => Promise<Double>;

const doubleServer = process.env.ESDB_DOUBLE_SERVER;

if (doubleServer) {
  const { startDouble } = require(doubleServer) as { startDouble: StartDouble };
  describeRealNodeBehaviour(startDouble);
} else {
  const skipped = 'EventStoreDB real-node behaviour — SKIPPED: run it with npm run test:esdb';
  console.warn(`${skipped} (it starts EventStoreDB doubles configured as real nodes)`);
  describe(skipped, () => {
    it.skip('runs against EventStoreDB doubles that behave as real nodes', () => undefined);
  });
}

function describeRealNodeBehaviour(startDouble: StartDouble): void {
  const started: Array<{ close(): Promise<void> } | Double> = [];
  afterEach(async () => {
    for (const item of started.splice(0).reverse())
      await ('stop' in item ? item.stop() : item.close());
  });

  async function node(options: Record<string, unknown>) {
    const double = await startDouble({ port: 0, ...options });
    started.push(double);
    const connection = `esdb://127.0.0.1:${double.port}?tls=false`;
    return {
      double,
      connect(extra: EventStoreDbOptions = {}): EventStoreDbEventStore {
        const store = EventStoreDbEventStore.connect(connection, extra);
        started.push(store);
        return store;
      },
      rawClient(): EventStoreDBClient {
        const client = EventStoreDBClient.connectionString(connection);
        started.push({ close: () => client.dispose() });
        return client;
      },
    };
  }

  describe.each([
    ['BatchAppend', true],
    ['Append', false],
  ])('given a node that answers a write once indexed (over %s)', (_path, batchAppend) => {
    // The node's write timeout is 2 s; shorter here, as the behaviour does not depend on it.
    const slowIndex = { batchAppend, indexLatencyMs: 50, writeTimeoutMs: 300 };

    it('when an append and its retry (same ids) race, then both end in the original result and one copy is stored', async () => {
      const { double, connect } = await node(slowIndex);
      const store = connect();
      const names = uniqueNames();
      const stream = names.stream('order');
      const batch = [newEvent(names.type('A')), newEvent(names.type('B'))];

      const [original, retry] = await Promise.all([
        store.append(stream, batch, { expectedRevision: 'no_stream' }),
        store.append(stream, batch, { expectedRevision: 'no_stream' }),
      ]);

      expect(retry).toEqual(original);
      expect(original.nextExpectedRevision).toBe(1);
      expect(double.store.all.filter((record) => record.stream === stream)).toHaveLength(2);
    });

    it('when the adapter may not retry, then the racing duplicate times out: the retry is what settles it', async () => {
      const { connect } = await node(slowIndex);
      const store = connect({ appendRetry: { retries: 0 } });
      const names = uniqueNames();
      const batch = [newEvent(names.type('A'))];
      const append = () =>
        store.append(names.stream('order'), batch, { expectedRevision: 'no_stream' });

      const settled = await Promise.allSettled([append(), append()]);

      // Whichever reached the node second is the duplicate.
      expect(settled.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      const failed = settled.find((result) => result.status === 'rejected');
      expect(failed?.reason).toBeInstanceOf(EventStoreUnavailableError);
    });
  });

  describe('append limits by server version', () => {
    const MiB = 1024 * 1024;
    /** One event of about `bytes` bytes of JSON data. */
    const eventOf = (type: string, bytes: number) => newEvent(type, { text: 'x'.repeat(bytes) });

    it('given a 24.10 node, when an append holds 1.5 MiB, then AppendTooLargeError (1 MiB) before sending and nothing is written', async () => {
      // The node itself would take it: the adapter holds 24.10 to its default limit.
      const { double, connect } = await node({ serverVersion: '24.10.0', maxAppendSize: 64 * MiB });
      const store = connect();
      const names = uniqueNames();
      const stream = names.stream('big');

      const append = store.append(stream, [eventOf(names.type('Big'), 1.5 * MiB)], {
        expectedRevision: 'any',
      });

      await expect(append).rejects.toMatchObject({
        constructor: AppendTooLargeError,
        streamId: stream,
        maxAppendSize: MiB,
        limit: 'append',
      });
      expect(double.store.all.some((record) => record.stream === stream)).toBe(false);
    });

    it('given a 25.1 node, when an append holds 1.5 MiB, then it is written', async () => {
      const { connect } = await node({ serverVersion: '25.1.0', maxAppendSize: 256 * MiB });
      const store = connect();
      const names = uniqueNames();
      const big = eventOf(names.type('Big'), 1.5 * MiB);

      await store.append(names.stream('big'), [big], { expectedRevision: 'any' });

      expect(idsOf(await readAllOf(store, names))).toEqual([big.id]);
    });

    it('given a 25.1 node, when one event is over 16 MiB, then AppendTooLargeError (event) and the appends in flight beside it succeed', async () => {
      const { double, connect } = await node({ serverVersion: '25.1.0', maxAppendSize: 256 * MiB });
      const store = connect();
      const names = uniqueNames();
      await store.append(names.stream('warm-up'), [newEvent(names.type('A'))], {
        expectedRevision: 'any',
      });

      const small = (n: number) =>
        store.append(names.stream(`small-${n}`), newEvents(names.type('Small'), 2), {
          expectedRevision: 'no_stream',
        });
      const huge = store.append(names.stream('huge'), [eventOf(names.type('Huge'), 17.5 * MiB)], {
        expectedRevision: 'any',
      });
      // Sent while the huge one would still be on its way: had it gone out, the node would end the
      // shared BatchAppend stream (its message is over gRPC's limit) and fail these two with it.
      await new Promise((resolve) => setTimeout(resolve, 30));
      const [oversized, before, after] = await Promise.allSettled([huge, small(1), small(2)]);

      expect(oversized.status === 'rejected' && oversized.reason).toMatchObject({
        constructor: AppendTooLargeError,
        maxAppendSize: 16 * MiB,
        limit: 'event',
      });
      expect([before.status, after.status]).toEqual(['fulfilled', 'fulfilled']);
      expect(double.store.all.some((record) => record.stream === names.stream('huge'))).toBe(false);
    });
  });

  describe('given a cluster where reads may reach a follower', () => {
    it('when the adapter reads a stream (state before a decision, after an empty append), then it asks the leader', async () => {
      const { connect } = await node({});
      const store = connect();
      const names = uniqueNames();
      const stream = names.stream('order');
      const readStream = jest.spyOn(EventStoreDBClient.prototype, 'readStream');
      try {
        await store.append(stream, [newEvent(names.type('A'))], { expectedRevision: 'no_stream' });
        await collect(store.readStream(stream));
        await store.append(names.stream('empty'), [], { expectedRevision: 'no_stream' });

        expect(readStream).toHaveBeenCalledTimes(2); // the read, and the check after the empty append
        for (const [, options] of readStream.mock.calls)
          expect(options).toMatchObject({ requiresLeader: true });
      } finally {
        readStream.mockRestore();
      }
    });
  });

  describe('given a node that rejects $all positions that are not record boundaries', () => {
    async function threeEvents() {
      const { connect, rawClient } = await node({ strictPositions: true });
      const store = connect();
      const names = uniqueNames();
      const stream = names.stream('ticks');
      await store.append(stream, newEvents(names.type('Tick'), 3), {
        expectedRevision: 'no_stream',
      });
      const events = await readAllOf(store, names);
      // Inside the first event's record: what a checkpoint of another store or node may hold.
      const inside: Position = {
        commit: events[0].position.commit + 1n,
        prepare: events[0].position.commit + 1n,
      };
      return { store, rawClient, names, stream, events, inside };
    }

    it('when $all is read forwards from such a position, then the events at or after it come back (the node alone refuses)', async () => {
      const { store, rawClient, names, events, inside } = await threeEvents();
      await expect(collect(rawClient().readAll({ fromPosition: inside }))).rejects.toThrow(
        /InvalidPosition/,
      );

      const read = await readAllOf(store, names, { fromPosition: inside });

      expect(idsOf(read)).toEqual(idsOf(events.slice(1)));
    });

    it('when $all is read backwards from such a position, then InvalidPositionError names it', async () => {
      const { store, names, inside } = await threeEvents();

      await expect(
        readAllOf(store, names, { direction: 'backwards', fromPosition: inside }),
      ).rejects.toMatchObject({ constructor: InvalidPositionError, position: `${inside.commit}` });
    });

    it('when a subscription starts there, then it delivers what follows, catches up and goes on live, without an error', async () => {
      const { store, names, stream, events, inside } = await threeEvents();
      const probe = new SubscriptionProbe(
        store.subscribeToAll({
          fromPosition: inside,
          filter: { streamNamePrefixes: [names.streamPrefix] },
        }),
      );
      try {
        await probe.untilCaughtUp();
        const live = newEvent(names.type('Tick'));
        await store.append(stream, [live], { expectedRevision: 2 });
        await probe.untilEvents(3);

        expect(idsOf(probe.events())).toEqual([...idsOf(events.slice(1)), live.id]);
        expect(probe.error).toBeUndefined();
      } finally {
        await probe.stop();
      }
    });
  });

  describe('given a $all shared with system streams and other producers', () => {
    async function sharedLog() {
      const { connect, rawClient } = await node({ foreignEvents: true });
      const names = uniqueNames();
      const ours = newEvents(names.type('Tick'), 2);
      const writer = connect();
      await writer.append(names.stream('ticks'), ours, { expectedRevision: 'no_stream' });
      // Another application writes after us: a binary event, a JSON array, broken "JSON".
      const client = rawClient();
      await client.appendToStream(`other-${randomUUID()}`, [
        binaryEvent({ type: 'Blob', data: Buffer.from([0, 1, 2]) }),
        jsonEvent({ type: 'List', data: [1, 2, 3] as never }),
      ]);
      return { connect, names, ours };
    }

    it('when the store owns a stream prefix, then $all reads, headPosition and subscriptions see only its streams', async () => {
      const { connect, names, ours } = await sharedLog();
      const store = connect({ ownedStreamPrefixes: [names.streamPrefix] });

      const all = await collect(store.readAll());
      const head = await store.headPosition();
      const probe = new SubscriptionProbe(store.subscribeToAll({ fromPosition: START }));
      try {
        await probe.untilCaughtUp();

        expect(idsOf(all)).toEqual(idsOf(ours));
        expect(head).toEqual(all[1].position);
        expect(idsOf(probe.events())).toEqual(idsOf(ours));
        expect(probe.error).toBeUndefined();
      } finally {
        await probe.stop();
      }
    });

    it('when the store owns no prefix, then reading all of $all skips what holds no JSON object instead of failing', async () => {
      const { connect, ours } = await sharedLog();
      const store = connect();

      const all = await collect(store.readAll());

      expect(all.map((event) => event.type)).not.toEqual(
        expect.arrayContaining(['Blob', 'List', 'InvoiceIssued', 'InvoiceSettled']),
      );
      expect(idsOf(all)).toEqual(expect.arrayContaining(idsOf(ours)));
      expect(all.every((event) => !event.streamId.startsWith('$'))).toBe(true);
    });
  });
}
