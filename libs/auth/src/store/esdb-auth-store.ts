import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  jsonEvent,
  ANY,
  StreamNotFoundError,
  type StreamACL,
} from '@eventstore/db-client';
import type { AuthStore, StoredSession } from './auth-store';

/** Stream prefixes of the secrets; no read model, export or audit feed reads them. */
export const CREDENTIAL_STREAM_PREFIX = 'auth-credential-';
export const SESSION_STREAM_PREFIX = 'auth-session-';

type Stored = Record<string, string>;

/**
 * The AuthStore on EventStoreDB, so that every API replica shares passwords and sessions: one
 * stream per credential and per session, each with an ACL that lets only the service's own
 * EventStoreDB user (from the connection string; `$admins` without one) read or write it. The
 * streams lie outside the prefixes the read models, exports and audit feeds read (plan-, task-,
 * user-); anything else that reads all of $all as an admin must leave `auth-` streams out.
 * Session streams expire (`$maxAge`) a day after their session does.
 */
export class EsdbAuthStore implements AuthStore {
  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly acl: StreamACL,
  ) {}

  static connect(connectionString: string): EsdbAuthStore {
    const roles = [serviceUserOf(connectionString) ?? '$admins'];
    return new EsdbAuthStore(EventStoreDBClient.connectionString(connectionString), {
      readRoles: roles,
      writeRoles: roles,
      deleteRoles: roles,
      metaReadRoles: roles,
      metaWriteRoles: roles,
    });
  }

  async passwordHash(userId: string): Promise<string | undefined> {
    const [last] = await this.read(`${CREDENTIAL_STREAM_PREFIX}${userId}`, 'last');
    return last?.hash;
  }

  async setPasswordHash(userId: string, hash: string, at: string): Promise<void> {
    await this.write(`${CREDENTIAL_STREAM_PREFIX}${userId}`, 'PasswordHashSet', { hash, at });
  }

  async saveSession(sessionId: string, session: StoredSession): Promise<void> {
    const lifetimeS = (Date.parse(session.expiresAt) - Date.parse(session.createdAt)) / 1000;
    await this.write(
      `${SESSION_STREAM_PREFIX}${sessionId}`,
      'SessionStarted',
      { userId: session.userId, createdAt: session.createdAt, expiresAt: session.expiresAt },
      Math.ceil(lifetimeS) + 86_400,
    );
  }

  async session(sessionId: string): Promise<StoredSession | undefined> {
    const [started, ended] = await this.read(`${SESSION_STREAM_PREFIX}${sessionId}`, 'all');
    if (!started) return undefined;
    return {
      userId: started.userId,
      createdAt: started.createdAt,
      expiresAt: started.expiresAt,
      ...(ended ? { endedAt: ended.endedAt } : {}),
    };
  }

  async endSession(sessionId: string, at: string): Promise<void> {
    const stream = `${SESSION_STREAM_PREFIX}${sessionId}`;
    const events = await this.read(stream, 'all');
    if (events.length === 1)
      await this.client.appendToStream(
        stream,
        jsonEvent({ type: 'SessionEnded', data: { endedAt: at } }),
        {
          expectedRevision: BigInt(0),
        },
      );
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** Gives a new stream its ACL before its first event is written; a later write appends only. */
  private async write(stream: string, type: string, data: Stored, maxAgeS?: number): Promise<void> {
    if ((await this.read(stream, 'last')).length === 0)
      await this.client.setStreamMetadata(stream, {
        acl: this.acl,
        ...(maxAgeS !== undefined ? { maxAge: maxAgeS } : {}),
      });
    await this.client.appendToStream(stream, jsonEvent({ type, data }), { expectedRevision: ANY });
  }

  private async read(stream: string, which: 'all' | 'last'): Promise<Stored[]> {
    const events: Stored[] = [];
    try {
      const read =
        which === 'last'
          ? this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })
          : this.client.readStream(stream, { maxCount: 10 });
      for await (const resolved of read)
        if (resolved.event) events.push(resolved.event.data as Stored);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }
}

/** The EventStoreDB user in `esdb://user:password@host`, if any. */
function serviceUserOf(connectionString: string): string | undefined {
  const m = /^[a-z+]+:\/\/([^:@/]+)(?::[^@/]*)?@/i.exec(connectionString);
  return m ? decodeURIComponent(m[1]) : undefined;
}
