import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  AppendTooLargeError,
  END,
  EventStoreUnavailableError,
  SqliteEventStore,
  START,
  WrongExpectedVersionError,
  type NewEvent,
  type RecordedEvent,
  type SqliteEventStoreOptions,
} from '@duty-ledger/event-store';
import {
  collect,
  idsOf,
  newEvent,
  newEvents,
  revisionsOf,
  strictlyIncreasing,
} from './support/builders';
import { makeTempDir } from './support/sqlite-fixture';
import { appendShared, type WorkerReport } from './support/shared-appends';
import { SubscriptionProbe } from './support/subscription-probe';

describe('SqliteEventStore on disk', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let path: string;
  const opened: SqliteEventStore[] = [];

  function open(options: Partial<SqliteEventStoreOptions> = {}): SqliteEventStore {
    const store = SqliteEventStore.open({ path, ...options });
    opened.push(store);
    return store;
  }

  /** A plain connection to the same file, standing in for an operator or a misbehaving process. */
  function raw(): Database.Database {
    const db = new Database(path);
    rawConnections.push(db);
    return db;
  }
  const rawConnections: Database.Database[] = [];

  beforeEach(async () => {
    temp = await makeTempDir();
    path = join(temp.dir, 'events.sqlite');
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    for (const db of rawConnections.splice(0)) if (db.open) db.close();
    await temp.remove();
  });

  const readStream = (store: SqliteEventStore, stream: string) => collect(store.readStream(stream));

  describe('durable idempotency', () => {
    describe('given event X appended expecting any and the store closed', () => {
      it('when a reopened store appends X again expecting any, then there is one copy and the same result', async () => {
        const first = open();
        const x = newEvent('Noted', { 文: '区数据局' });
        const written = await first.append('order-1', [x], { expectedRevision: 'any' });
        await first.close();

        const second = open();
        const retry = await second.append('order-1', [x], { expectedRevision: 'any' });

        expect(retry).toEqual(written);
        expect(idsOf(await readStream(second, 'order-1'))).toEqual([x.id]);
      });
    });

    describe('given Y at revision 0, X appended expecting 0, and the store closed', () => {
      it('when a reopened store appends X again expecting 0, then there is one copy and the result points at X', async () => {
        const first = open();
        await first.append('order-1', [newEvent('Opened')], { expectedRevision: 'no_stream' });
        const x = newEvent('Noted');
        const written = await first.append('order-1', [x], { expectedRevision: 0 });
        await first.close();

        const second = open();
        const retry = await second.append('order-1', [x], { expectedRevision: 0 });

        expect(retry).toEqual(written);
        expect(retry.nextExpectedRevision).toBe(1);
        expect(await readStream(second, 'order-1')).toHaveLength(2);
      });
    });

    describe('given [A, B] appended expecting no_stream with fsync off, and the store closed', () => {
      it('when a reopened store appends [A, B] again expecting no_stream, then it is idempotent', async () => {
        const first = open({ fsync: false });
        const batch = newEvents('Line', 2);
        const written = await first.append('order-1', batch, { expectedRevision: 'no_stream' });
        await first.close();

        const second = open({ fsync: false });

        expect(await second.append('order-1', batch, { expectedRevision: 'no_stream' })).toEqual(
          written,
        );
        expect(idsOf(await readStream(second, 'order-1'))).toEqual(idsOf(batch));
      });
    });

    describe('given an event appended with an upper-case uuid', () => {
      it('when read back, then its id is lower case, and a retry with either case is idempotent', async () => {
        const store = open();
        const id = randomUUID();
        const written = await store.append(
          'order-1',
          [newEvent('Noted', {}, { id: id.toUpperCase() })],
          {
            expectedRevision: 'no_stream',
          },
        );

        expect(
          await store.append('order-1', [newEvent('Noted', {}, { id })], {
            expectedRevision: 'any',
          }),
        ).toEqual(written);
        expect(idsOf(await readStream(store, 'order-1'))).toEqual([id]);
      });
    });
  });

  describe('two store instances on one file', () => {
    describe('given both append to the same streams at once', () => {
      it('when all appends are done, then positions are unique and increasing, revisions contiguous, nothing lost', async () => {
        const a = open();
        const b = open();
        const expected = new Map<string, string[]>([
          ['shared-1', []],
          ['shared-2', []],
        ]);

        await Promise.all(
          Array.from({ length: 60 }, (_, index) => {
            const store = index % 2 === 0 ? a : b;
            const stream = index % 3 === 0 ? 'shared-1' : 'shared-2';
            const events = newEvents('Tick', 1 + (index % 3));
            expected.get(stream)!.push(...(idsOf(events) as string[]));
            return store.append(stream, events, { expectedRevision: 'any' });
          }),
        );

        const all = await collect(a.readAll());
        expect(strictlyIncreasing(all)).toBe(true);
        expect(new Set(all.map((event) => event.position.commit)).size).toBe(all.length);
        for (const [stream, ids] of expected) {
          const stored = await readStream(b, stream);
          expect(revisionsOf(stored)).toEqual(stored.map((_, index) => index));
          expect(new Set(idsOf(stored))).toEqual(new Set(ids));
          expect(stored).toHaveLength(ids.length);
        }
      });
    });

    describe('given instance A saw the stream at revision 0', () => {
      it('when B appends first, then A appending expecting 0 gets WrongExpectedVersion(0, actual 1)', async () => {
        const a = open();
        const b = open();
        await a.append('order-1', [newEvent('Opened')], { expectedRevision: 'no_stream' });

        await b.append('order-1', [newEvent('Paid')], { expectedRevision: 0 });
        const error = await a
          .append('order-1', [newEvent('Cancelled')], { expectedRevision: 0 })
          .catch((rejection: unknown) => rejection);

        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ expected: 0, actual: 1 });
      });
    });

    describe('given X appended through instance A', () => {
      it('when B appends X expecting any, then it is idempotent', async () => {
        const a = open();
        const b = open();
        const x = newEvent('Noted');
        const written = await a.append('order-1', [x], { expectedRevision: 'any' });

        expect(await b.append('order-1', [x], { expectedRevision: 'any' })).toEqual(written);
        expect(await readStream(a, 'order-1')).toHaveLength(1);
      });
    });

    describe('given a live subscription on instance A', () => {
      it('when B appends, then A delivers the events by polling the file', async () => {
        const a = open({ pollIntervalMs: 20 });
        const b = open();
        const probe = new SubscriptionProbe(a.subscribeToAll({ fromPosition: END }));
        try {
          await probe.untilCaughtUp();
          const events = newEvents('Tick', 3);

          await b.append('order-1', events, { expectedRevision: 'any' });
          await probe.untilEvents(3);

          expect(idsOf(probe.events())).toEqual(idsOf(events));
        } finally {
          await probe.stop();
        }
      });
    });
  });

  describe('two processes on one file', () => {
    const children: ChildProcess[] = [];
    afterEach(() => {
      for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
    });

    function startWorker(
      prefix: string,
      name: string,
      appends: number,
    ): { ready: Promise<void>; report: Promise<WorkerReport> } {
      const child = fork(
        join(__dirname, 'support', 'append-worker.ts'),
        [path, prefix, name, String(appends)],
        {
          execArgv: ['-r', join(__dirname, 'support', 'register-ts.js')],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        },
      );
      children.push(child);
      const ready = new Promise<void>((resolve, reject) => {
        child.once('error', reject);
        child.once('message', (message) =>
          message === 'ready' ? resolve() : reject(new Error(String(message))),
        );
      });
      const report = new Promise<WorkerReport>((resolve, reject) => {
        child.on('message', (message: { report?: WorkerReport; error?: string } | string) => {
          if (typeof message === 'string') return;
          if (message.report) resolve(message.report);
          else reject(new Error(`worker ${name} failed: ${message.error}`));
        });
        child.once('exit', (code) =>
          reject(new Error(`worker ${name} exited with ${code} before reporting`)),
        );
      });
      return { ready, report };
    }

    describe('given two forked processes and this one appending to the same streams at once', () => {
      it('when all are done, then positions are unique, both streams have contiguous revisions and every event once', async () => {
        const store = open({ busyTimeoutMs: 30_000 });
        const prefix = 'shared-';
        const appends = 40;
        const workers = [
          startWorker(prefix, 'child-1', appends),
          startWorker(prefix, 'child-2', appends),
        ];
        await Promise.all(workers.map((worker) => worker.ready));

        for (const child of children) child.send('go');
        const reports = await Promise.all([
          appendShared(store, prefix, 'parent', appends),
          ...workers.map((worker) => worker.report),
        ]);

        const all = await collect(store.readAll());
        expect(all).toHaveLength(2 * 3 * appends);
        expect(strictlyIncreasing(all)).toBe(true);
        expect(new Set(all.map((event) => event.position.commit)).size).toBe(all.length);
        for (const [stream, ids] of [
          [`${prefix}any`, reports.flatMap((report) => report.anyIds)],
          [`${prefix}counter`, reports.flatMap((report) => report.counterIds)],
        ] as const) {
          const stored = await readStream(store, stream);
          expect(revisionsOf(stored)).toEqual(stored.map((_, index) => index));
          expect(idsOf(stored).sort()).toEqual([...ids].sort());
        }
        // Each counter event was appended expecting the revision its writer had read last.
        const counter = await readStream(store, `${prefix}counter`);
        expect(
          counter.every((event: RecordedEvent) => event.data.after === event.revision - 1),
        ).toBe(true);
      }, 120_000);
    });
  });

  describe('atomic appends', () => {
    describe('given the database refuses the third row of an append (a trigger raises an error)', () => {
      it('when appending three events, then the append fails as unavailable and none of them is written', async () => {
        const store = open();
        await store.append('order-1', [newEvent('Opened')], { expectedRevision: 'no_stream' });
        raw().exec(
          "CREATE TRIGGER refuse_boom BEFORE INSERT ON events WHEN NEW.type = 'Boom' BEGIN SELECT RAISE(ABORT, 'boom refused'); END;",
        );

        const error = await store
          .append('order-1', [newEvent('Line'), newEvent('Line'), newEvent('Boom')], {
            expectedRevision: 0,
          })
          .catch((rejection: unknown) => rejection);

        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect(revisionsOf(await readStream(store, 'order-1'))).toEqual([0]);
        const next = await store.append('order-1', [newEvent('Line')], { expectedRevision: 0 });
        expect(next.nextExpectedRevision).toBe(1);
      });

      it('when that append is issued together with appends to other streams, then only it fails, and the others are written', async () => {
        const store = open();
        await store.append('order-1', [newEvent('Opened')], { expectedRevision: 'no_stream' });
        raw().exec(
          "CREATE TRIGGER refuse_boom BEFORE INSERT ON events WHEN NEW.type = 'Boom' BEGIN SELECT RAISE(ABORT, 'boom refused'); END;",
        );
        const before = newEvent('Placed');
        const after = newEvent('Placed');

        const [first, refused, last] = await Promise.allSettled([
          store.append('order-2', [before], { expectedRevision: 'no_stream' }),
          store.append('order-1', [newEvent('Line'), newEvent('Line'), newEvent('Boom')], {
            expectedRevision: 0,
          }),
          store.append('order-3', [after], { expectedRevision: 'no_stream' }),
        ]);

        expect(refused.status === 'rejected' && refused.reason).toBeInstanceOf(
          EventStoreUnavailableError,
        );
        expect([first.status, last.status]).toEqual(['fulfilled', 'fulfilled']);
        expect(revisionsOf(await readStream(store, 'order-1'))).toEqual([0]);
        expect(idsOf(await readStream(store, 'order-2'))).toEqual([before.id]);
        expect(idsOf(await readStream(store, 'order-3'))).toEqual([after.id]);
      });
    });

    describe('given another connection holds the write lock', () => {
      it('when appending with a short busy timeout, then it fails as unavailable, and succeeds once the lock is released', async () => {
        const store = open({ busyTimeoutMs: 50 });
        await store.append('order-1', [newEvent('Opened')], { expectedRevision: 'no_stream' });
        const blocker = raw();
        blocker.exec('BEGIN IMMEDIATE');

        const error = await store
          .append('order-1', [newEvent('Line')], { expectedRevision: 0 })
          .catch((rejection: unknown) => rejection);
        blocker.exec('COMMIT');

        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect(
          (await store.append('order-1', [newEvent('Line')], { expectedRevision: 0 }))
            .nextExpectedRevision,
        ).toBe(1);
      });
    });
  });

  describe('append size limit', () => {
    describe('given maxAppendSize 1000', () => {
      it('when an append measures over 1000 bytes as EventStoreDB counts them, then AppendTooLargeError and nothing is written', async () => {
        const store = open({ maxAppendSize: 1000 });
        // data {"s":"…"} = 8 + 980 bytes, metadata {} = 2 bytes, 2 × 'Big'.length = 6: 996.
        const fits: NewEvent = newEvent('Big', { s: 'x'.repeat(980) }, { metadata: {} });
        const over: NewEvent = newEvent('Big', { s: 'x'.repeat(985) }, { metadata: {} });

        await store.append('order-1', [fits], { expectedRevision: 'no_stream' });
        const error = await store
          .append('order-1', [over], { expectedRevision: 0 })
          .catch((rejection: unknown) => rejection);

        expect(error).toBeInstanceOf(AppendTooLargeError);
        expect(error).toMatchObject({ streamId: 'order-1', maxAppendSize: 1000 });
        expect(idsOf(await readStream(store, 'order-1'))).toEqual([fits.id]);
      });
    });
  });

  describe('live delivery within one instance', () => {
    describe('given a live subscription on a store that polls only every ten minutes', () => {
      it('when the same instance appends, then the subscription is woken at once (no waiting for the poll)', async () => {
        const store = open({ pollIntervalMs: 600_000 });
        const probe = new SubscriptionProbe(store.subscribeToAll({ fromPosition: END }));
        try {
          await probe.untilCaughtUp();
          const event = newEvent('Tick');

          await store.append('order-1', [event], { expectedRevision: 'any' });
          await probe.untilEvents(1);

          expect(idsOf(probe.events())).toEqual([event.id]);
        } finally {
          await probe.stop();
        }
      });
    });
  });

  describe('closing', () => {
    describe('given a live subscription', () => {
      it('when the store is closed, then the iteration ends and later calls fail as unavailable', async () => {
        const store = open();
        await store.append('order-1', [newEvent('Opened')], { expectedRevision: 'no_stream' });
        const probe = new SubscriptionProbe(store.subscribeToAll({ fromPosition: START }));
        await probe.untilCaughtUp();

        await store.close();
        await probe.untilEnded();

        expect(probe.error).toBeUndefined();
        await expect(
          store.append('order-1', [newEvent('Late')], { expectedRevision: 'any' }),
        ).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(collect(store.readAll())).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(store.close()).resolves.toBeUndefined();
      });
    });

    describe('given an append issued but not yet awaited', () => {
      it('when the store is closed, then the append still succeeds and its event is in the file', async () => {
        const store = open();
        const event = newEvent('Opened');

        const appended = store.append('order-1', [event], { expectedRevision: 'no_stream' });
        await store.close();

        await expect(appended).resolves.toMatchObject({ nextExpectedRevision: 0 });
        expect(idsOf(await readStream(open(), 'order-1'))).toEqual([event.id]);
      });
    });
  });

  describe('the file', () => {
    describe('given events appended', () => {
      it('when inspected with a plain connection, then it is in WAL mode with the events table', async () => {
        const store = open();
        await store.append('order-1', newEvents('Line', 2), { expectedRevision: 'no_stream' });

        const db = raw();
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        const rows = db
          .prepare('SELECT stream_id, revision, type, schema_version FROM events ORDER BY position')
          .all();
        expect(rows).toEqual([
          { stream_id: 'order-1', revision: 0, type: 'Line', schema_version: 1 },
          { stream_id: 'order-1', revision: 1, type: 'Line', schema_version: 1 },
        ]);
      });
    });

    describe('given the newest event was deleted by hand', () => {
      it('when appending again, then its position is not reused (AUTOINCREMENT)', async () => {
        const store = open();
        await store.append('order-1', [newEvent('Opened')], { expectedRevision: 'no_stream' });
        const removed = await store.append('order-2', [newEvent('Opened')], {
          expectedRevision: 'no_stream',
        });
        raw().prepare('DELETE FROM events WHERE stream_id = ?').run('order-2');

        const next = await store.append('order-3', [newEvent('Opened')], {
          expectedRevision: 'no_stream',
        });

        expect(next.position.commit > removed.position.commit).toBe(true);
      });
    });
  });

  describe('input checks', () => {
    it('given an event id that is not a uuid, when appending, then TypeError and nothing is written', async () => {
      const store = open();
      await expect(
        store.append(
          'order-1',
          [newEvent('Opened'), newEvent('Opened', {}, { id: 'not-a-uuid' })],
          {
            expectedRevision: 'any',
          },
        ),
      ).rejects.toBeInstanceOf(TypeError);
      expect(await store.headPosition()).toBeUndefined();
    });
  });
});
