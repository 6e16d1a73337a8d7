// Compiles apps/ and libs/ into dist/ only when a source is newer than the last build, so that
// `npm run cli` and `npm start` do not spend a full tsc run on every call.
//   node scripts/build-if-stale.js
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['apps', 'libs', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time (ms) under a file or folder, skipping what is not compiled. */
function newest(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const name of fs.readdirSync(entry)) {
    if (name === 'node_modules' || name === 'results' || name.startsWith('.')) continue;
    latest = Math.max(latest, newest(path.join(entry, name)));
  }
  return latest;
}

const built = fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
if (changed < built) process.exit(0);

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const started = Date.now();
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
fs.mkdirSync(path.dirname(stamp), { recursive: true });
// The stamp gets the time the build started: a source saved during the build is built next time.
fs.writeFileSync(stamp, '');
fs.utimesSync(stamp, new Date(started), new Date(started));
