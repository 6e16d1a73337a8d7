import { createServer, connect as connectTcp, type Server, type Socket } from 'node:net';
import { END, EventStoreUnavailableError, START, type EventStore } from '@duty-ledger/event-store';
import { EventStoreDbEventStore, type EventStoreDbOptions } from '@duty-ledger/event-store/esdb';
import { describeEventStoreContract, type ContractFactory } from './event-store.contract';
import { collect, idsOf, newEvents, readAllOf, uniqueNames } from './support/builders';
import { SubscriptionProbe } from './support/subscription-probe';

/*
 * The EventStore contract against EventStoreDB. It needs a server: EVENTSTORE_CONNECTION_STRING
 * (a real node, e.g. from docker-compose.yml), or `npm run test:esdb`, which starts the in-memory
 * double (../shared/tools/esdb-double) and also sets EVENTSTORE_CONNECTION_STRING_NO_BATCH_APPEND
 * to a second double without BatchAppend, so both of the client's append paths are covered.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const appendOnlyConnectionString = process.env.EVENTSTORE_CONNECTION_STRING_NO_BATCH_APPEND;
// EventStoreDB's MaxAppendSize, 1 MiB unless the server is configured otherwise.
const maxAppendSize = Number(process.env.EVENTSTORE_MAX_APPEND_SIZE ?? 1_048_576);

/** Each fixture is a new client to the same server; EventStoreDB never forgets, so cleanup only closes. */
function esdbFactory(connection: string, extra: EventStoreDbOptions = {}): ContractFactory {
  return async (options = {}) => {
    const open = () =>
      EventStoreDbEventStore.connect(connection, { ...extra, upcasters: options.upcasters });
    let current = open();
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = open();
        return current;
      },
      cleanup: () => current.close(),
    };
  };
}

if (connectionString) {
  describeEventStoreContract('EventStoreDB', esdbFactory(connectionString), { maxAppendSize });
  if (appendOnlyConnectionString) {
    describeEventStoreContract(
      'EventStoreDB without BatchAppend (client falls back to Streams.Append)',
      esdbFactory(appendOnlyConnectionString),
      { maxAppendSize },
    );
  }
  describeResumeAfterDroppedConnection(connectionString);
  describeClosingWithReadsInProgress(connectionString);
} else {
  const skipped = 'EventStoreDB contract — SKIPPED: set EVENTSTORE_CONNECTION_STRING to run it';
  console.warn(`${skipped} (npm run test:esdb runs it against the in-memory EventStoreDB double)`);
  describe(skipped, () => {
    it.skip('runs the EventStore contract suite against EventStoreDB', () => undefined);
  });
}

describe('EventStoreDB adapter, server unreachable', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = EventStoreDbEventStore.connect(`esdb://127.0.0.1:${await closedPort()}?tls=false`, {
      reconnect: { initialDelayMs: 1, maxDelayMs: 1, maxAttempts: 2 },
    });
  });
  afterEach(() => store.close());

  it('reports EventStoreUnavailableError from append, reads and headPosition', async () => {
    const event = newEvents('Tick', 1);
    await expect(store.append('s-1', event, { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    await expect(collect(store.readStream('s-1'))).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    await expect(collect(store.readAll())).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('rejects an empty stream id before contacting the server', async () => {
    await expect(
      store.append('', newEvents('Tick', 1), { expectedRevision: 'any' }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(() => store.readStream('')).toThrow(TypeError);
  });

  it('passes EventStoreUnavailableError to a subscription once its retries are used up', async () => {
    const probe = new SubscriptionProbe(store.subscribeToAll({ fromPosition: START }));
    await probe.untilEnded();
    expect(probe.error).toBeInstanceOf(EventStoreUnavailableError);
    expect(probe.messages).toEqual([]);
  });
});

/**
 * A subscription whose connection is cut (by a TCP proxy between client and server) resumes from
 * the last event it delivered: every event arrives once, in order, including those appended while
 * it was disconnected, and CaughtUp is not repeated.
 */
function describeResumeAfterDroppedConnection(connection: string): void {
  describe('EventStoreDB adapter, subscription over a dropped connection', () => {
    let proxy: TcpProxy;
    let direct: EventStore;
    let proxied: EventStore;
    beforeEach(async () => {
      proxy = await TcpProxy.start(connection);
      direct = EventStoreDbEventStore.connect(connection);
      proxied = EventStoreDbEventStore.connect(proxy.connectionString, {
        reconnect: { initialDelayMs: 10, maxDelayMs: 100, maxAttempts: 50 },
      });
    });
    afterEach(async () => {
      await Promise.all([direct.close(), proxied.close()]);
      await proxy.stop();
    });

    it('resumes from the last delivered event, without repeats or gaps', async () => {
      const names = uniqueNames();
      const stream = names.stream('ticks');
      const append = (count: number) =>
        direct.append(stream, newEvents(names.type('Tick'), count), { expectedRevision: 'any' });
      await append(5);
      const probe = new SubscriptionProbe(
        proxied.subscribeToAll({
          fromPosition: START,
          filter: { streamNamePrefixes: [names.streamPrefix] },
        }),
      );
      try {
        await probe.untilCaughtUp();
        await append(3);
        await probe.untilEvents(8);

        proxy.cutConnections();
        await append(4); // written while the subscriber is disconnected
        await probe.untilEvents(12);
        proxy.cutConnections();
        await append(2);
        await probe.untilEvents(14);

        expect(proxy.connectionsAccepted).toBeGreaterThanOrEqual(3);
        expect(idsOf(probe.events())).toEqual(idsOf(await readAllOf(direct, names)));
        expect(probe.caughtUpCount()).toBe(1);
        expect(probe.error).toBeUndefined();
      } finally {
        await probe.stop();
      }
    });

    it('resumes a subscription from the end that was cut before its first event', async () => {
      const names = uniqueNames();
      const stream = names.stream('ticks');
      await direct.append(stream, newEvents(names.type('Old'), 2), { expectedRevision: 'any' });
      const probe = new SubscriptionProbe(
        proxied.subscribeToAll({
          fromPosition: END,
          filter: { streamNamePrefixes: [names.streamPrefix] },
        }),
      );
      try {
        await probe.untilCaughtUp();
        proxy.cutConnections();
        const live = newEvents(names.type('New'), 3);
        await direct.append(stream, live, { expectedRevision: 1 });
        await probe.untilEvents(3);

        expect(idsOf(probe.events())).toEqual(idsOf(live));
      } finally {
        await probe.stop();
      }
    });
  });
}

function describeClosingWithReadsInProgress(connection: string): void {
  describe('EventStoreDB adapter, closing while reads are in progress', () => {
    it('closes although a caller left a stream read and a $all read half-way', async () => {
      const store = EventStoreDbEventStore.connect(connection);
      const names = uniqueNames();
      const stream = names.stream('ticks');
      await store.append(stream, newEvents(names.type('Tick'), 300), { expectedRevision: 'any' });
      const streamRead = store.readStream(stream)[Symbol.asyncIterator]();
      const allRead = store
        .readAll({ filter: { streamNamePrefixes: [names.streamPrefix] } })
        [Symbol.asyncIterator]();
      expect((await streamRead.next()).value).toMatchObject({ revision: 0 });
      expect((await allRead.next()).value).toMatchObject({ revision: 0 });

      await store.close();

      await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
    });
  });
}

/** Forwards TCP to the server's host and port, and can cut every open connection at once. */
class TcpProxy {
  connectionsAccepted = 0;
  /** The same server, reached through the proxy. */
  connectionString = '';
  private readonly sockets = new Set<Socket>();
  private readonly server: Server = createServer((client) => this.forward(client));

  private constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  static async start(target: string): Promise<TcpProxy> {
    const url = new URL(target.replace(/^esdb(\+discover)?:/, 'http:'));
    const proxy = new TcpProxy(url.hostname, Number(url.port || 2113));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.server.address() as { port: number };
    // A single node, without discovery: gossip would hand out the server's own address.
    const params = new URLSearchParams(url.search);
    if (params.get('tls') !== 'false') params.set('tlsVerifyCert', 'false');
    const credentials = url.username ? `${url.username}:${url.password}@` : '';
    proxy.connectionString = `esdb://${credentials}127.0.0.1:${port}?${params}`;
    return proxy;
  }

  cutConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.cutConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: Socket): void {
    this.connectionsAccepted += 1;
    const upstream = connectTcp(this.port, this.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
