/**
 * A second process writing to the same SQLite file, forked by sqlite-durability.int.spec.ts with
 * register-ts.js. argv: <database path> <stream prefix> <worker name> <appends per stream>.
 * Sends 'ready', waits for 'go', runs appendShared and sends back { report } or { error }.
 */
import { SqliteEventStore } from '../../../libs/event-store/src/sqlite';
import { appendShared } from './shared-appends';

const [path, prefix, name, appends] = process.argv.slice(2);
const store = SqliteEventStore.open({ path, busyTimeoutMs: 30_000 });

function reply(message: object, exitCode: number): void {
  process.send?.(message, () => process.exit(exitCode));
}

process.on('message', (message) => {
  if (message !== 'go') return;
  appendShared(store, prefix, name, Number(appends))
    .then(async (report) => {
      await store.close();
      reply({ report }, 0);
    })
    .catch((error: unknown) => reply({ error: String(error) }, 1));
});
process.send?.('ready');
