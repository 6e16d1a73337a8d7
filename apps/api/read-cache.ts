import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type Database from 'better-sqlite3';
import { InvalidTokenError, verifyToken } from '@duty-ledger/auth';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { installReadCache } from '@duty-ledger/http';
import { ProjectionRunner } from '@duty-ledger/projections';
import { READ_MODEL_DB } from '@duty-ledger/projections/nest';
import type { ReadCacheConfig } from './config';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Wires the read cache (libs/http) to this service: claims from the same token verification the
 * AuthGuard does, the clock, and a generation that moves with every projected event (the
 * runner's changes$) and with every commit another process makes to the read-model file (a
 * rebuild from the CLI), which SQLite counts in PRAGMA data_version.
 */
export function installApiReadCache(
  app: NestFastifyApplication,
  config: ReadCacheConfig,
  jwtSecret: string,
): void {
  const clock = app.get<Clock>(CLOCK);
  const db = app.get<Database.Database>(READ_MODEL_DB);
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  let generation = 0;
  let lastDataVersion = dataVersion.get();
  app.get(ProjectionRunner).changes$.subscribe(() => (generation += 1));

  installReadCache(app.getHttpAdapter().getInstance(), {
    maxBytes: config.maxBytes,
    ttlMs: config.ttlMs,
    nowMs: () => clock.now().getTime(),
    generation: () => {
      const version = db.open ? dataVersion.get() : lastDataVersion;
      if (version !== lastDataVersion) {
        lastDataVersion = version;
        generation += 1;
      }
      return generation;
    },
    claimsOf: (authorization) => {
      const match = BEARER.exec(authorization ?? '');
      if (!match) return undefined;
      try {
        const { sub, role, unit, name } = verifyToken(jwtSecret, match[1]);
        return JSON.stringify([sub, role, unit ?? null, name ?? null]);
      } catch (error) {
        if (error instanceof InvalidTokenError) return undefined;
        throw error;
      }
    },
  });
}
