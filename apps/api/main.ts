import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from './config';
import { createApp } from './create-app';
import { importSeedPlanOnce } from '@duty-ledger/commands';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { recordSecretFingerprint } from '@duty-ledger/auth';
import { holdDataDir } from './service-lock';

async function bootstrap(): Promise<void> {
  const logger = new Logger('DutyLedger');
  const config = loadConfig();
  const app = await createApp(config);

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

  await app.listen({ port: config.port, host: config.host });
  // What the CLI checks: its token secret against ours, and that no rebuild runs under us.
  recordSecretFingerprint(config.jwtSecret, config.dataDir);
  const release = holdDataDir(config.dataDir, config.port, new Date());
  // Nest ends the process by re-raising the signal after closing, and then 'exit' never fires.
  for (const event of ['exit', 'SIGINT', 'SIGTERM'] as const) process.once(event, release);
  const url = await app.getUrl();
  logger.log(
    `Serving on ${url} (store: ${config.eventStoreConnectionString ? 'EventStoreDB' : `embedded SQLite in ${config.dataDir}`}); API docs at ${url}/docs`,
  );
  if (config.jwtSecretGenerated) logger.log(`Generated a token secret in ${config.jwtSecretFile}`);
  logger.log(
    'Mint a token: npm run cli -- token --role supervisor --sub <user>   (or --role lead --unit 区数据局)',
  );
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
