// Builds the web app (apps/web) into dist/web with Vite, only when its sources or the locked
// dependency versions changed since the last build: the hash of both is kept in
// dist/web/.source-hash, so a plain `npm start` pays for a build once.
// Usage: node scripts/build-web.js [--force]. Also used by the browser tests (ensureWebBuilt).
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const sourceDir = join(root, 'apps/web');
const outDir = join(root, 'dist/web');
const stampFile = join(outDir, '.source-hash');

function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(sourceDir), join(root, 'package-lock.json')]) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function ensureWebBuilt({ force = false, quiet = false } = {}) {
  const hash = sourceHash();
  const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (!force && built === hash && existsSync(join(outDir, 'index.html'))) {
    if (!quiet) console.log('web app: up to date in dist/web');
    return false;
  }
  if (!quiet) console.log('web app: building into dist/web (sources changed) …');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      join(sourceDir, 'vite.config.mts'),
      '--logLevel',
      quiet ? 'error' : 'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  writeFileSync(stampFile, `${hash}\n`);
  return true;
}

module.exports = { ensureWebBuilt };

if (require.main === module) {
  try {
    ensureWebBuilt({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
