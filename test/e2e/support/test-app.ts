import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mintToken, type Role } from '@duty-ledger/auth';
import { FixedClock } from '@duty-ledger/clock';
import {
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
  StreamNotFoundError,
} from '@duty-ledger/event-store';
import { importSeedPlanOnce } from '@duty-ledger/commands';
import { ProjectionRunner } from '@duty-ledger/projections';
import { createApp } from '../../../apps/api/create-app';
import { DUTY_LEDGER_STREAMS, type ApiConfig } from '../../../apps/api/config';

export const SEED_PLAN_ID = 'changning-2024-digital';
const SECRET = 'e2e-secret-e2e-secret-e2e-secret';

/**
 * The real service, on the embedded store in a temporary directory, or on EventStoreDB when
 * EVENTSTORE_CONNECTION_STRING is set (every run then uses fresh plan ids, since a server is
 * shared and never reset).
 */
export class TestApp {
  readonly clock = new FixedClock('2024-06-15T02:00:00.000Z');

  /**
   * ownStore: the embedded store even when EVENTSTORE_CONNECTION_STRING is set, for suites that
   * compare answers across every plan or expect the read models to stay still between two requests:
   * on a shared server, concurrent suites write in between.
   */
  constructor(
    private readonly options: {
      readonly ownStore?: boolean;
      /** Settings on top of the defaults below (e.g. metricsToken). */
      readonly config?: Partial<ApiConfig>;
    } = {},
  ) {}

  app!: NestFastifyApplication;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'duty-ledger-e2e-'));

  get config(): ApiConfig {
    const shared = !this.options.ownStore && Boolean(process.env.EVENTSTORE_CONNECTION_STRING);
    return {
      port: 0,
      host: '127.0.0.1',
      dataDir: this.dataDir,
      jwtSecret: SECRET,
      jwtSecretGenerated: false,
      eventStoreConnectionString: this.options.ownStore
        ? undefined
        : process.env.EVENTSTORE_CONNECTION_STRING || undefined,
      eventStoreOwnedStreams: DUTY_LEDGER_STREAMS,
      fsync: false,
      seedsDir: resolve(__dirname, '../../../seeds'),
      seedOnStart: true,
      // On a server shared by every suite, each app would meet the others' seals, signed by keys it does not trust.
      ...(shared ? { record: { enabled: false } } : {}),
      ...this.options.config,
    };
  }

  async start(): Promise<this> {
    this.app = await createApp(this.config, this.clock);
    await this.app.getHttpAdapter().getInstance().ready();
    return this;
  }

  /** Stops the service and starts it again on the same data, as a restart would. */
  async restart(): Promise<void> {
    await this.app.close();
    await this.start();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  get store(): EventStore {
    return this.app.get<EventStore>(EVENT_STORE);
  }

  async seed(): Promise<void> {
    await importSeedPlanOnce(this.store, this.clock, this.config.seedsDir);
  }

  /** Imports the seed plan and waits until the read models show it. */
  async seedAndWait(): Promise<void> {
    await this.seed();
    const head = await this.store.headPosition();
    if (head) await this.app.get(ProjectionRunner).waitForPosition(head, 5000);
  }

  token(role: Role, unit?: string, sub = `${role}-${unit ?? 'user'}`): string {
    return mintToken(SECRET, { sub, role, unit, expiresIn: '1h' });
  }

  async request(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const response = await this.app.inject({
      method,
      url: encodeURI(url),
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.headers ?? {}),
      },
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    let body: unknown = response.body;
    try {
      body = response.json();
    } catch {
      // not JSON (exports, SSE)
    }
    return {
      status: response.statusCode,
      body: body as Record<string, unknown> & { [key: string]: any },
      headers: response.headers,
      raw: response,
    };
  }

  async streamEvents(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const event of this.store.readStream(streamId)) events.push(event);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }
}
