// Runs a command against the in-memory EventStoreDB double (../shared/tools/esdb-double):
//   node scripts/with-esdb-double.js npx jest test/contract
// It starts two doubles on ephemeral ports and passes their connection strings to the command:
//   EVENTSTORE_CONNECTION_STRING                 serves Streams.BatchAppend, which the client
//                                                prefers (ESDB_DOUBLE_NO_BATCH=1 turns it off);
//   EVENTSTORE_CONNECTION_STRING_NO_BATCH_APPEND does not, so the client falls back to
//                                                Streams.Append; the EventStoreDB contract spec
//                                                runs against both.
// It stops the doubles when the command ends and exits with the command's exit code.
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const { startDouble } = require(path.resolve(root, '../shared/tools/esdb-double/server.js'));

const connectionStringOf = (double) => `esdb://127.0.0.1:${double.port}?tls=false`;

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: node scripts/with-esdb-double.js <command> [args...]');
    return 2;
  }
  const batchAppend = !['1', 'true'].includes(process.env.ESDB_DOUBLE_NO_BATCH ?? '');
  const doubles = [];
  try {
    const main = await startDouble({ port: 0, batchAppend });
    doubles.push(main);
    const appendOnly = await startDouble({ port: 0, batchAppend: false });
    doubles.push(appendOnly);
    console.log(
      `esdb-double: ${connectionStringOf(main)}${batchAppend ? '' : ' (no BatchAppend)'}, ` +
        `without BatchAppend: ${connectionStringOf(appendOnly)}`,
    );
    return await run(command, args, {
      ...process.env,
      EVENTSTORE_CONNECTION_STRING: connectionStringOf(main),
      EVENTSTORE_CONNECTION_STRING_NO_BATCH_APPEND: connectionStringOf(appendOnly),
      // npm scripts find local binaries on PATH; give direct runs of this script the same.
      PATH: [path.join(root, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter),
    });
  } finally {
    await Promise.all(doubles.map((double) => double.stop()));
  }
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env,
      shell: process.platform === 'win32',
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`cannot run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? 128 + (os.constants.signals[signal] ?? 0)));
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
