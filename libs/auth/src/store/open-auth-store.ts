import type { AuthStore } from './auth-store';
import { SqliteAuthStore } from './sqlite-auth-store';

export interface AuthStoreOptions {
  readonly dataDir: string;
  readonly eventStoreConnectionString?: string;
}

/** The AuthStore beside the configured event store (see libs/auth/README.md). */
export async function openAuthStore(options: AuthStoreOptions): Promise<AuthStore> {
  if (options.eventStoreConnectionString) {
    // Loaded only when configured, as the event store's own EventStoreDB adapter is.
    const { EsdbAuthStore } = await import('./esdb-auth-store');
    return EsdbAuthStore.connect(options.eventStoreConnectionString);
  }
  return SqliteAuthStore.open(options.dataDir);
}
