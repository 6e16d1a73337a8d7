import type { Command } from 'commander';
import { userInfo } from 'node:os';
import {
  generatePassword,
  listUsers,
  openAuthStore,
  ROLES,
  type AuthStore,
  type Role,
} from '@duty-ledger/auth';
import { SystemClock, type Clock } from '@duty-ledger/clock';
import { actorContext, UserAdmin } from '@duty-ledger/commands';
import { isDomainError } from '@duty-ledger/domain';
import type { EventStore } from '@duty-ledger/event-store';
import { openEventStore } from '@duty-ledger/event-store/nest';
import { asOfInstant } from '@duty-ledger/projections';
import { loadDataConfig } from '../../api/config';

/** What the user commands act on; the CLI opens the service's own, tests pass theirs. */
export interface UserCommandDeps {
  readonly store: EventStore;
  readonly authStore: AuthStore;
  readonly clock: Clock;
  /** The password sent on standard input. */
  readonly readPassword: () => Promise<string>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

interface AddOptions {
  id: string;
  name: string;
  role: string;
  unit?: string;
  passwordStdin?: boolean;
}

/** Acts recorded from the CLI name the operating-system account that ran it. */
const cliActor = () => ({
  id: `cli:${userInfo().username}`,
  role: 'admin' as const,
  name: '命令行',
});

export function registerUserCommand(program: Command): void {
  const user = program
    .command('user')
    .description('People who sign in: add, list, disable, enable, set a password.');
  user
    .command('add')
    .description(
      'Adds a user; without --password-stdin a random password is generated and printed once.',
    )
    .requiredOption('--id <id>', 'sign-in name, e.g. li.na')
    .requiredOption('--name <姓名>', 'display name, e.g. 李娜')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--unit <单位>', 'the unit a lead acts for, as named in the plan (e.g. 区数据局)')
    .option('--password-stdin', 'read the password from standard input')
    .action((options: AddOptions) => runWithService((deps) => userAdd(options, deps)));
  user
    .command('list')
    .description('Lists the users (never their passwords).')
    .option('--as-of <instant>', 'as recorded by then (ISO instant or YYYY-MM-DD)')
    .action((options: { asOf?: string }) => runWithService((deps) => userList(options, deps)));
  user
    .command('disable')
    .description('Disables a user: their sessions stop working at once.')
    .requiredOption('--id <id>')
    .action((options: { id: string }) =>
      runWithService((deps) => userEnabled(options.id, false, deps)),
    );
  user
    .command('enable')
    .description('Enables a disabled user again.')
    .requiredOption('--id <id>')
    .action((options: { id: string }) =>
      runWithService((deps) => userEnabled(options.id, true, deps)),
    );
  user
    .command('passwd')
    .description("Sets a user's password, read from standard input; their older sessions end.")
    .requiredOption('--id <id>')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action((options: { id: string }) => runWithService((deps) => userPasswd(options.id, deps)));
}

export async function userAdd(options: AddOptions, deps: UserCommandDeps): Promise<number> {
  if (!(ROLES as readonly string[]).includes(options.role)) {
    deps.err(`--role must be one of ${ROLES.join(', ')}`);
    return 2;
  }
  const password = options.passwordStdin ? await deps.readPassword() : generatePassword();
  const admin = new UserAdmin(deps.store, deps.authStore, deps.clock);
  await admin.create(
    actorContext(cliActor(), deps.clock.now().toISOString()),
    { userId: options.id, name: options.name, role: options.role as Role, unit: options.unit },
    password,
  );
  deps.out(
    `added ${options.id} (${options.name}, ${options.role}${options.unit ? `, ${options.unit}` : ''})`,
  );
  if (!options.passwordStdin) deps.out(`password (shown only now): ${password}`);
  return 0;
}

export async function userList(options: { asOf?: string }, deps: UserCommandDeps): Promise<number> {
  const users = await listUsers(deps.store, options.asOf && asOfInstant(options.asOf));
  for (const u of users)
    deps.out(
      [
        u.id,
        u.name,
        u.role,
        u.unit ?? '-',
        u.enabled ? 'enabled' : 'disabled',
        `${u.changedAt} by ${u.changedBy}`,
      ].join('\t'),
    );
  if (users.length === 0) deps.out('(no users)');
  return 0;
}

export async function userEnabled(
  id: string,
  enabled: boolean,
  deps: UserCommandDeps,
): Promise<number> {
  const admin = new UserAdmin(deps.store, deps.authStore, deps.clock);
  const context = actorContext(cliActor(), deps.clock.now().toISOString());
  await (enabled ? admin.enable(context, id) : admin.disable(context, id));
  deps.out(`${enabled ? 'enabled' : 'disabled'} ${id}`);
  return 0;
}

export async function userPasswd(id: string, deps: UserCommandDeps): Promise<number> {
  const password = await deps.readPassword();
  const admin = new UserAdmin(deps.store, deps.authStore, deps.clock);
  await admin.setPassword(actorContext(cliActor(), deps.clock.now().toISOString()), id, password);
  deps.out(`password set for ${id}; their earlier sessions have ended`);
  return 0;
}

/** Standard input up to its end, without the line break `echo` or a terminal adds. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) console.error('password (end with Ctrl-D):');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Opens the service's store and AuthStore (same DATA_DIR / EVENTSTORE_CONNECTION_STRING), runs, closes. */
async function runWithService(run: (deps: UserCommandDeps) => Promise<number>): Promise<void> {
  const config = loadDataConfig();
  const store = await openEventStore({
    connectionString: config.eventStoreConnectionString,
    ownedStreamPrefixes: config.eventStoreOwnedStreams,
    dataDir: config.dataDir,
    fsync: config.fsync,
  });
  const authStore = await openAuthStore({
    dataDir: config.dataDir,
    eventStoreConnectionString: config.eventStoreConnectionString,
  });
  try {
    process.exitCode = await run({
      store,
      authStore,
      clock: new SystemClock(),
      readPassword: readStdin,
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } catch (error) {
    // A refusal (unknown user, too short a password, …) is the operator's to fix: say why, exit 1.
    if (!isDomainError(error)) throw error;
    console.error(`refused: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await authStore.close();
    await store.close();
  }
}
