import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from './config';
import { createApp } from './create-app';
import { AUTH_STORE, type AuthStore } from '@duty-ledger/auth';
import { createFirstAdmin, importSeedPlanOnce } from '@duty-ledger/commands';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { CLOCK, type Clock } from '@duty-ledger/clock';

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

  const firstAdmin = await createFirstAdmin(
    app.get<EventStore>(EVENT_STORE),
    app.get<AuthStore>(AUTH_STORE),
    app.get<Clock>(CLOCK),
  );

  await app.listen({ port: config.port, host: config.host });
  const url = await app.getUrl();
  logger.log(
    `Serving on ${url} (store: ${config.eventStoreConnectionString ? 'EventStoreDB' : `embedded SQLite in ${config.dataDir}`}); API docs at ${url}/docs`,
  );
  if (config.jwtSecretGenerated) logger.log(`Generated a token secret in ${config.jwtSecretFile}`);
  logger.log(
    'API clients: mint a token with npm run cli -- token --role supervisor --sub <user>   (or --role lead --unit 区数据局)',
  );
  // Printed once, on the start that created the user; only its hash is kept.
  if (firstAdmin)
    console.log(
      `\nsign in at ${url} as ${firstAdmin.userId} with password ${firstAdmin.password}\n` +
        '(shown only this once; change it with: npm run cli -- user passwd --id admin --password-stdin)\n',
    );
  else
    console.log(
      `\nOpen ${url} in a browser and sign in. Add people with: npm run cli -- user add --help\n`,
    );
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
