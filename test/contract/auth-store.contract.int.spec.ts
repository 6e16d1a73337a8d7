import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDBClient } from '@eventstore/db-client';
import { AUTH_DB_FILE, SqliteAuthStore, type AuthStore } from '@duty-ledger/auth';
import { EsdbAuthStore } from '../../libs/auth/src/store/esdb-auth-store';

/**
 * What sign-in needs of an AuthStore, on the embedded file and on EventStoreDB (when
 * EVENTSTORE_CONNECTION_STRING is set, as `npm run test:esdb` does). Ids are fresh per run: a
 * server is shared and never reset.
 */
function describeAuthStore(name: string, open: () => AuthStore): void {
  describe(`AuthStore on ${name}`, () => {
    let store: AuthStore;
    const run = randomUUID().slice(0, 8);
    beforeAll(() => {
      store = open();
    });
    afterAll(() => store.close());

    it('keeps the latest password hash of a user and knows none for others', async () => {
      await store.setPasswordHash(`li.na-${run}`, 'scrypt$first', '2024-06-15T02:00:00.000Z');
      await store.setPasswordHash(`li.na-${run}`, 'scrypt$second', '2024-06-15T03:00:00.000Z');

      expect(await store.passwordHash(`li.na-${run}`)).toBe('scrypt$second');
      expect(await store.passwordHash(`nobody-${run}`)).toBeUndefined();
    });

    it('finds a saved session until it is ended, then says when it ended; ending twice keeps the first end', async () => {
      const session = {
        userId: 'li.na',
        createdAt: '2024-06-15T02:00:00.000Z',
        expiresAt: '2024-06-15T14:00:00.000Z',
      };
      await store.saveSession(`s-${run}`, session);
      expect(await store.session(`s-${run}`)).toEqual(session);

      await store.endSession(`s-${run}`, '2024-06-15T03:00:00.000Z');
      await store.endSession(`s-${run}`, '2024-06-15T04:00:00.000Z');
      expect(await store.session(`s-${run}`)).toEqual({
        ...session,
        endedAt: '2024-06-15T03:00:00.000Z',
      });
      expect(await store.session(`unknown-${run}`)).toBeUndefined();
    });
  });
}

describe('the embedded AuthStore file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-auth-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  describeAuthStore('SQLite', () => SqliteAuthStore.open(dir));

  it('is readable by the service user only', () => {
    expect(statSync(join(dir, AUTH_DB_FILE)).mode & 0o077).toBe(0);
  });
});

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
if (connectionString) {
  describeAuthStore('EventStoreDB', () => EsdbAuthStore.connect(connectionString));

  it('gives each credential stream an ACL before its first event', async () => {
    const store = EsdbAuthStore.connect(connectionString);
    const client = EventStoreDBClient.connectionString(connectionString);
    try {
      const userId = `acl-${randomUUID().slice(0, 8)}`;
      await store.setPasswordHash(userId, 'scrypt$x', '2024-06-15T02:00:00.000Z');
      const { metadata } = await client.getStreamMetadata(`auth-credential-${userId}`);
      expect(metadata?.acl).toEqual({
        readRoles: ['$admins'],
        writeRoles: ['$admins'],
        deleteRoles: ['$admins'],
        metaReadRoles: ['$admins'],
        metaWriteRoles: ['$admins'],
      });
    } finally {
      await store.close();
      await client.dispose();
    }
  });
}
