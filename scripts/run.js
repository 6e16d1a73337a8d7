// Runs a compiled entry point from dist/, resolving the @duty-ledger/* path aliases against dist/.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.json');

const root = path.resolve(__dirname, '..');
tsconfigPaths.register({ baseUrl: path.join(root, 'dist'), paths: compilerOptions.paths });

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run.js <entry relative to dist/, e.g. apps/api/main.js>');
  process.exit(2);
}
process.argv.splice(2, 1);
require(path.join(root, 'dist', entry));
