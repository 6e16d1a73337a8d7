import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { EVENT_STORE, type EventStore } from '../port/event-store.port';
import type { UpcasterRegistry } from '../port/upcasting';
import { observeEventStore, type EventStoreObserver } from '../port/observed-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

export interface EventStoreModuleOptions {
  /** When set, the store is EventStoreDB at this connection string; else embedded SQLite. */
  readonly connectionString?: string;
  /**
   * EventStoreDB only: the streams the application owns; $all reads and subscriptions see only
   * these (a node's $all also holds system streams and other producers' events).
   */
  readonly ownedStreamPrefixes?: readonly string[];
  /** Where the embedded store keeps its file. */
  readonly dataDir: string;
  /** fsync on every commit (embedded store); default true. */
  readonly fsync?: boolean;
  readonly upcasters?: UpcasterRegistry;
  /** The embedded store stamps recordedAt from it (EventStoreDB uses its server's clock). */
  readonly clock?: { now(): Date };
  /** Told of every append and (embedded store) every group commit, for metrics. */
  readonly observer?: EventStoreObserver & { groupCommitted?(size: number): void };
}

export async function openEventStore(options: EventStoreModuleOptions): Promise<EventStore> {
  const store = await openAdapter(options);
  return options.observer ? observeEventStore(store, options.observer) : store;
}

async function openAdapter(options: EventStoreModuleOptions): Promise<EventStore> {
  if (options.connectionString) {
    // Loaded only when configured: the gRPC client costs ~140 ms of start-up on the embedded store.
    const { EventStoreDbEventStore } = await import('../esdb/esdb-event-store');
    return EventStoreDbEventStore.connect(options.connectionString, {
      upcasters: options.upcasters,
      ownedStreamPrefixes: options.ownedStreamPrefixes,
    });
  }
  mkdirSync(options.dataDir, { recursive: true });
  return SqliteEventStore.open({
    path: join(options.dataDir, 'events.sqlite'),
    fsync: options.fsync ?? true,
    upcasters: options.upcasters,
    ...(options.clock ? { clock: () => options.clock!.now() } : {}),
    onGroupCommitted: options.observer?.groupCommitted?.bind(options.observer),
  });
}

class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Wires the configured adapter under the EVENT_STORE token and closes it on shutdown. */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: EVENT_STORE, useFactory: () => openEventStore(options) },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE],
    };
  }
}
