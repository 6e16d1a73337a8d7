/**
 * The production entry (dist/apps/api/main.js) with an in-process CPU profiler driven over IPC:
 * {kind:'start-profile'} starts sampling, {kind:'write-profile', file} stops and writes a
 * .cpuprofile (open it in Chrome DevTools or summarise it with bench/profile-summary.js). Used
 * instead of `node --cpu-prof`, which writes nothing when NestJS's shutdown hooks end the
 * process by re-raising SIGTERM.
 */
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const session = new Session();
session.connect();
const post = <T>(method: string, params?: object): Promise<T> =>
  new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) =>
      error ? reject(error) : resolve(result as T),
    ),
  );

process.on('message', (message: { kind?: string; file?: string }) => {
  void (async () => {
    if (message.kind === 'start-profile') {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      process.send?.('profile-started');
    } else if (message.kind === 'write-profile' && message.file) {
      const { profile } = await post<{ profile: object }>('Profiler.stop');
      mkdirSync(dirname(message.file), { recursive: true });
      writeFileSync(message.file, JSON.stringify(profile));
      process.send?.('profile-written');
    }
  })();
});

async function profileFromStart(): Promise<void> {
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
}

// BENCH_PROFILE_FROM_START=1: sample the boot itself (module loading, Nest init, first queries).
if (process.env.BENCH_PROFILE_FROM_START === '1') {
  void profileFromStart().then(() => require('../apps/api/main'));
} else {
  require('../apps/api/main');
}
