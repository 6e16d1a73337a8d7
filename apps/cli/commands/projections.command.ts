import type { Command } from 'commander';
import { loadDataConfig } from '../../api/config';
import { serviceHolding } from '../../api/service-lock';
import { openReadSide } from './read-side';

export function registerProjectionsCommand(program: Command): void {
  const projections = program
    .command('projections')
    .description('Read models: status and rebuild.');
  projections
    .command('status')
    .description("Shows each read model's checkpoint, whether it has caught up, and its lag.")
    .action(async () => {
      process.exitCode = await status();
    });
  projections
    .command('rebuild')
    .description(
      'Drops and rebuilds the read models (or one) from the start of the log. Stop the service first.',
    )
    .option('--name <projection>', 'rebuild this read model only')
    .action(async (options: { name?: string }) => {
      process.exitCode = await rebuild(options.name);
    });
}

async function rebuild(name: string | undefined): Promise<number> {
  const config = loadDataConfig();
  const service = serviceHolding(config.dataDir);
  if (service) {
    // The service would go on applying events to the tables the rebuild drops.
    console.error(
      `A service (pid ${service.pid}, port ${service.port}, since ${service.startedAt}) holds ${config.dataDir}: stop it first, then rebuild.`,
    );
    return 1;
  }
  const side = await openReadSide(config);
  try {
    const started = process.hrtime.bigint();
    await side.runner.rebuild(name);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const status = await side.runner.status();
    for (const p of status.projections)
      console.log(`${p.name} v${p.version}: rebuilt to position ${p.position ?? '-'}`);
    console.log(`rebuilt in ${seconds.toFixed(2)} s`);
    return 0;
  } finally {
    await side.close();
  }
}

async function status(): Promise<number> {
  const side = await openReadSide();
  try {
    const status = await side.runner.status();
    console.log(`head position: ${status.headPosition ?? '(empty log)'}`);
    console.table(
      status.projections.map((p) => ({
        projection: p.name,
        version: p.version,
        position: p.position ?? '-',
        caughtUp: p.caughtUp,
        lagEvents: p.lagExact ? p.lagEvents : `≥${p.lagEvents}`,
      })),
    );
    return 0;
  } finally {
    await side.close();
  }
}
