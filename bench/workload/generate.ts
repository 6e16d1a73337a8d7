/**
 * npm run bench:generate [-- --events 1000000 --seed 2024]
 * Writes the SYNTHETIC data set into bench/.data/ (regenerates it when it exists).
 */
import { numberArg, parseArgs, printTable, writeResults } from '../lib/report';
import { DEFAULT_EVENTS, DEFAULT_SEED, generateDataset } from './dataset';

async function main(): Promise<void> {
  const args = parseArgs();
  const events = numberArg(args, 'events', DEFAULT_EVENTS);
  const seed = numberArg(args, 'seed', DEFAULT_SEED);
  const { dir, manifest } = await generateDataset(events, seed);
  printTable('SYNTHETIC workload generated', [
    { figure: 'events written', value: manifest.eventsWritten },
    { figure: 'events in store (COUNT)', value: manifest.eventsInStore },
    { figure: 'appends (store calls)', value: manifest.appends },
    { figure: 'plans / districts', value: `${manifest.plans} / ${manifest.districts}` },
    { figure: 'tasks / targets', value: `${manifest.tasks} / ${manifest.targets}` },
    { figure: 'commands decided', value: manifest.commandsDecided },
    {
      figure: 'commands refused by the domain',
      value: Object.values(manifest.commandsRefused).reduce((a, b) => a + b, 0),
    },
    {
      figure: 'recordedAt range',
      value: `${manifest.firstRecordedAt} .. ${manifest.lastRecordedAt}`,
    },
    { figure: 'file size (MiB)', value: Math.round(manifest.fileBytes / 2 ** 20) },
    { figure: 'generation time (s)', value: manifest.generationSeconds },
    { figure: 'events/s', value: manifest.eventsPerSecond },
  ]);
  printTable(
    'SYNTHETIC events by type',
    Object.entries(manifest.eventsByType)
      .sort((a, b) => b[1] - a[1])
      .map(([type, count]) => ({ type, count })),
  );
  printTable(
    'Commands the domain refused (written nothing)',
    Object.entries(manifest.commandsRefused).map(([reason, count]) => ({
      reason,
      count,
      example: manifest.refusalExamples[reason] ?? '',
    })),
  );
  console.log(`\ndata set: ${dir}`);
  writeResults(`generate-SYNTHETIC-${events}`, {
    label: 'SYNTHETIC',
    dir: dir.replace(/^.*\/bench\//, 'bench/'),
    manifest,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
