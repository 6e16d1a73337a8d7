import type { AuthStore } from './auth-store';
import { SqliteAuthStore } from './sqlite-auth-store';

export interface AuthStoreOptions {
  readonly dataDir: string;
  readonly eventStoreConnectionString?: string;
}

/** The AuthStore beside the configured event store (see libs/auth/README.md). */
export async function openAuthStore(options: AuthStoreOptions): Promise<AuthStore> {
  return SqliteAuthStore.open(options.dataDir);
}
