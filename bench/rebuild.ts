/**
 * npm run bench:rebuild [-- --events 1000000 --seed 2024 --max-seconds 1800 --cpu-prof]
 *
 * Rebuilds every read model from the SYNTHETIC log (generated into bench/.data/ first if it is not
 * there) in a child process, and reports events/s and the child's peak RSS (VmHWM). The rebuilt
 * read models are kept next to the data set (read-models.sqlite), so bench:queries and
 * bench:startup start from a log that is already projected.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDataset, copyEventsTo, DEFAULT_EVENTS, DEFAULT_SEED } from './workload/dataset';
import { runRebuildChild } from './lib/projected';
import {
  benchDataDir,
  mib,
  numberArg,
  parseArgs,
  printTable,
  writeResults,
  resultName,
} from './lib/report';
import { round } from './lib/stats';

async function main(): Promise<void> {
  const args = parseArgs();
  const events = numberArg(args, 'events', DEFAULT_EVENTS);
  const seed = numberArg(args, 'seed', DEFAULT_SEED);
  const maxSeconds = numberArg(args, 'max-seconds', 1800);
  const { dir, manifest } = await ensureDataset(events, seed);
  const work = join(benchDataDir(), 'rebuild');
  copyEventsTo(dir, work);
  const nodeArgs = args.has('cpu-prof')
    ? ['--cpu-prof', `--cpu-prof-dir=${join(benchDataDir(), 'profiles', 'rebuild')}`]
    : [];
  if (nodeArgs.length) mkdirSync(join(benchDataDir(), 'profiles', 'rebuild'), { recursive: true });
  console.log(
    `Rebuilding all read models from ${manifest.eventsInStore.toLocaleString('en-US')} SYNTHETIC events (${work}) …`,
  );
  const report = await runRebuildChild(work, maxSeconds, nodeArgs);
  if (report.kind === 'timeout') {
    printTable('Rebuild of all read models', [
      { figure: 'result', value: `did not finish within ${report.maxSeconds} s` },
    ]);
    writeResults(resultName('rebuild', events), {
      label: 'SYNTHETIC',
      events: manifest.eventsInStore,
      finished: false,
      maxSeconds: report.maxSeconds,
      peakRssMiB: report.peakRssBytes && mib(report.peakRssBytes),
      target: { eventsPerSecond: 200_000 },
      meetsTarget: false,
    });
    return;
  }
  const logEvents = manifest.eventsInStore;
  const eventsPerSecond = logEvents / report.seconds;
  const peak = report.peakRssBytes ?? report.sampledPeakRssBytes ?? 0;
  printTable(
    `Rebuild of all read models from the SYNTHETIC log (${logEvents.toLocaleString('en-US')} events)`,
    [
      { figure: 'time (s)', value: round(report.seconds, 2) },
      {
        figure: 'events/s (log events / time)',
        value: Math.round(eventsPerSecond),
        target: '≥ 200,000',
        verdict: eventsPerSecond >= 200_000 ? 'met' : 'MISSED',
      },
      { figure: 'peak RSS (MiB, VmHWM)', value: mib(peak) },
      ...report.projections.map((p) => ({
        figure: `${p.name} v${p.version} events applied`,
        value: p.eventsApplied,
      })),
    ],
  );
  if (nodeArgs.length > 0) {
    console.log(
      `\nProfiled run (profile in ${join(benchDataDir(), 'profiles', 'rebuild')}): figures include the profiler overhead and are not written to bench/results.`,
    );
    return;
  }
  // Keep the projected state for bench:queries and bench:startup.
  rmSync(join(dir, 'read-models.sqlite'), { force: true });
  copyFileSync(join(work, 'read-models.sqlite'), join(dir, 'read-models.sqlite'));
  writeResults(resultName('rebuild', events), {
    label: 'SYNTHETIC',
    description:
      'ProjectionRunner.rebuild() of READ_MODELS (all read models) from the start of the SYNTHETIC log, in a child process; read-model db = openReadModelDb (WAL, synchronous=NORMAL); events/s = log events / wall time; peak RSS = VmHWM of the child.',
    events: logEvents,
    seconds: round(report.seconds, 3),
    eventsPerSecond: Math.round(eventsPerSecond),
    peakRssMiB: mib(peak),
    projections: report.projections,
    target: { eventsPerSecond: 200_000 },
    meetsTarget: eventsPerSecond >= 200_000,
    profiled: nodeArgs.length > 0,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
