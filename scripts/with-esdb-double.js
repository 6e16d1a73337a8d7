// Runs a command against the in-memory EventStoreDB double (../shared/tools/esdb-double):
//   node scripts/with-esdb-double.js npx jest test/contract
// It starts two doubles on ephemeral ports and passes their connection strings to the command:
//   EVENTSTORE_CONNECTION_STRING                 serves Streams.BatchAppend, which the client
//                                                prefers (ESDB_DOUBLE_NO_BATCH=1 turns it off);
//   EVENTSTORE_CONNECTION_STRING_NO_BATCH_APPEND does not, so the client falls back to
//                                                Streams.Append; the EventStoreDB contract spec
//                                                runs against both.
// Both behave as a real node does where the plain double is kinder (REALISTIC below): a write is
// answered once indexed and a duplicate racing it times out, $all reads and subscriptions from a
// position that is not a record boundary fail, and $all already holds system streams and another
// producer's binary and non-JSON-object events. ESDB_DOUBLE_PLAIN=1 starts the kind double instead
// (to tell a realism failure from another one). ESDB_DOUBLE_SERVER tells specs that start doubles
// of their own (another server version, say) where the double lives.
// It stops the doubles when the command ends and exits with the command's exit code.
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const doubleServer = path.resolve(root, '../shared/tools/esdb-double/server.js');
const { startDouble } = require(doubleServer);

// As `node server.js --strict-positions --foreign-events --index-latency-ms 5` (see its README).
const REALISTIC = { strictPositions: true, foreignEvents: true, indexLatencyMs: 5 };

const connectionStringOf = (double) => `esdb://127.0.0.1:${double.port}?tls=false`;

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: node scripts/with-esdb-double.js <command> [args...]');
    return 2;
  }
  const batchAppend = !isSet(process.env.ESDB_DOUBLE_NO_BATCH);
  const realism = isSet(process.env.ESDB_DOUBLE_PLAIN) ? {} : REALISTIC;
  const doubles = [];
  try {
    const main = await startDouble({ port: 0, batchAppend, ...realism });
    doubles.push(main);
    const appendOnly = await startDouble({ port: 0, batchAppend: false, ...realism });
    doubles.push(appendOnly);
    console.log(
      `esdb-double (${realism === REALISTIC ? 'as a real node' : 'plain'}): ` +
        `${connectionStringOf(main)}${batchAppend ? '' : ' (no BatchAppend)'}, ` +
        `without BatchAppend: ${connectionStringOf(appendOnly)}`,
    );
    return await run(command, args, {
      ...process.env,
      EVENTSTORE_CONNECTION_STRING: connectionStringOf(main),
      EVENTSTORE_CONNECTION_STRING_NO_BATCH_APPEND: connectionStringOf(appendOnly),
      ESDB_DOUBLE_SERVER: doubleServer,
      // npm scripts find local binaries on PATH; give direct runs of this script the same.
      PATH: [path.join(root, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter),
    });
  } finally {
    await Promise.all(doubles.map((double) => double.stop()));
  }
}

function isSet(value) {
  return ['1', 'true'].includes(value ?? '');
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
