import type { Command } from 'commander';
import { loadDataConfig } from '../../api/config';
import { serviceHolding } from '../../api/service-lock';
import { openReadSide, type ReadSide } from './read-side';
import { Progress } from '../progress';

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
    const progress = new Progress('rebuild', undefined, 'positions');
    const watching = setInterval(() => void showRebuild(side, progress), 1000);
    try {
      await side.runner.rebuild(name);
    } finally {
      clearInterval(watching);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const status = await side.runner.status();
    progress.finish(`read models at position ${status.headPosition ?? '-'}`);
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

/** How far the rebuild is, in log positions: the slowest read model's checkpoint of the head's. */
async function showRebuild(side: ReadSide, progress: Progress): Promise<void> {
  const status = await side.runner.status();
  const head = Number.parseInt(status.headPosition ?? '0', 10);
  const done = Math.min(...status.projections.map((p) => Number.parseInt(p.position ?? '0', 10)));
  progress.update(Number.isFinite(done) ? done : 0, head || undefined);
}
