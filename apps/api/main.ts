import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, loadConfig } from './config';
import { createApp } from './create-app';
import { AUTH_STORE, type AuthStore } from '@duty-ledger/auth';
import { createFirstAdmin, importSeedPlanOnce } from '@duty-ledger/commands';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { recordSecretFingerprint } from '@duty-ledger/auth';
import { holdDataDir } from './service-lock';

async function bootstrap(): Promise<void> {
  const logger = new Logger('DutyLedger');
  const config = loadConfig();
  const app = await createApp(config);
  stopGracefullyOnSignals(app, config.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);

  if (config.seedOnStart) {
    const outcome = await importSeedPlanOnce(
      app.get<EventStore>(EVENT_STORE),
      app.get<Clock>(CLOCK),
      config.seedsDir,
    );
    logger.log(
      outcome.imported
        ? `Imported the seed plan ${outcome.planId} (${outcome.taskCount} tasks, ${outcome.targetCount} targets)`
        : `Seed plan ${outcome.planId} already present`,
    );
  }

  const firstAdmin = await createFirstAdmin(
    app.get<EventStore>(EVENT_STORE),
    app.get<AuthStore>(AUTH_STORE),
    app.get<Clock>(CLOCK),
  );

  await app.listen({ port: config.port, host: config.host });
  // What the CLI checks: its token secret against ours, and that no rebuild runs under us.
  recordSecretFingerprint(config.jwtSecret, config.dataDir);
  const release = holdDataDir(config.dataDir, config.port, new Date());
  // SIGTERM/SIGINT end in process.exit after a graceful close (below), so 'exit' always fires.
  process.once('exit', release);
  const url = await app.getUrl();
  logger.log(
    `Serving on ${url} (store: ${config.eventStoreConnectionString ? 'EventStoreDB' : `embedded SQLite in ${config.dataDir}`}); API docs at ${url}/docs`,
  );
  if (config.jwtSecretGenerated) logger.log(`Generated a token secret in ${config.jwtSecretFile}`);
  logger.log(
    'API clients: mint a token with npm run cli -- token --role supervisor --sub <user>   (or --role lead --unit 区数据局)',
  );
  // The last line, through the same logger so it stays last. The password is shown once, on the
  // start that created the user; only its hash is kept.
  logger.log(
    firstAdmin
      ? `sign in at ${url} as ${firstAdmin.userId} with password ${firstAdmin.password}   (shown only this once; change it: npm run cli -- user passwd --id admin --password-stdin)`
      : `open ${url} in a browser and sign in (add people: npm run cli -- user add --help)`,
  );
}

/**
 * SIGTERM/SIGINT: stop taking requests and let those in flight finish (fastify's close answers
 * new ones 503 and waits for the rest; commands in flight get their answers), then stop the
 * projection runner (its last batch is committed) and close the stores. If that takes longer
 * than the timeout, exit 1 rather than hang a deployment.
 */
function stopGracefullyOnSignals(app: NestFastifyApplication, timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(
      `${signal}: finishing the requests in flight, then closing (at most ${timeoutMs} ms)`,
    );
    setTimeout(() => {
      logger.error(`still closing after ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs).unref();
    // HTTP first: Nest's own close stops the projection runner before it closes the server, and
    // a request in flight (a waitFor read, a command) must still find both running.
    closeHttpThenApp(app).then(
      () => {
        logger.log('closed cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`closing failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

async function closeHttpThenApp(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // close() ends the connections idle at that moment; a keep-alive connection whose request was
  // in flight goes idle later and would hold the close open, so keep ending idle ones meanwhile.
  const sweep = setInterval(() => fastify.server.closeIdleConnections(), 50);
  try {
    await fastify.close();
  } finally {
    clearInterval(sweep);
  }
  await app.close();
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
