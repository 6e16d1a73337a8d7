import { parseArgs } from 'node:util';
import { openReadSide } from './read-side';

export const projectionsUsage = `projections status
    Shows each read model's checkpoint, whether it has caught up, and its lag.
  projections rebuild [--name <projection>]
    Drops and rebuilds the read models (or one) from the start of the log. Stop the service first.`;

export async function projectionsCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseArgs({ args: rest, options: { name: { type: 'string' } }, strict: true });
  const side = await openReadSide();
  try {
    if (action === 'rebuild') {
      const started = process.hrtime.bigint();
      await side.runner.rebuild(values.name);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = await side.runner.status();
      for (const p of status.projections)
        console.log(`${p.name} v${p.version}: rebuilt to position ${p.position ?? '-'}`);
      console.log(`rebuilt in ${seconds.toFixed(2)} s`);
      return 0;
    }
    if (action === 'status') {
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
    }
    console.error(projectionsUsage);
    return 2;
  } finally {
    await side.close();
  }
}
