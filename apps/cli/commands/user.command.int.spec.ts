import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignIn, SignInThrottle, SqliteAuthStore } from '@duty-ledger/auth';
import { FixedClock } from '@duty-ledger/clock';
import { SqliteEventStore } from '@duty-ledger/event-store';
import { userAdd, userEnabled, userList, userPasswd, type UserCommandDeps } from './user.command';

describe('the user commands of the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dl-user-cli-'));
  const clock = new FixedClock('2024-06-15T02:00:00.000Z');
  let deps: UserCommandDeps & { lines: string[]; errors: string[]; stdin: string };
  let signIn: SignIn;

  beforeAll(async () => {
    const store = await SqliteEventStore.open({ path: join(dir, 'events.sqlite'), fsync: false });
    const authStore = SqliteAuthStore.open(dir);
    const lines: string[] = [];
    const errors: string[] = [];
    deps = {
      store,
      authStore,
      clock,
      lines,
      errors,
      stdin: '',
      readPassword: async () => deps.stdin,
      out: (line) => lines.push(line),
      err: (line) => errors.push(line),
    };
    signIn = new SignIn(store, authStore, clock, new SignInThrottle(100), 3600_000);
  });
  afterAll(async () => {
    await deps.authStore.close();
    await deps.store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    deps.lines.length = 0;
    deps.errors.length = 0;
  });

  it('user add --password-stdin creates a lead who can then sign in with that password', async () => {
    deps.stdin = 'li-na-password-1';
    const code = await userAdd(
      { id: 'li.na', name: '李娜', role: 'lead', unit: '区数据局', passwordStdin: true },
      deps,
    );

    expect(code).toBe(0);
    expect(deps.lines).toEqual(['added li.na (李娜, lead, 区数据局)']);
    const outcome = await signIn.signIn('li.na', 'li-na-password-1', '127.0.0.1');
    expect(outcome).toMatchObject({
      ok: true,
      principal: { sub: 'li.na', role: 'lead', unit: '区数据局', name: '李娜' },
    });
  });

  it('user add without --password-stdin prints a generated password once; a bad role is a usage error', async () => {
    expect(await userAdd({ id: 'zhang.wei', name: '张伟', role: 'supervisor' }, deps)).toBe(0);
    const password = /password \(shown only now\): (\S+)/.exec(deps.lines.join('\n'))![1];
    expect((await signIn.signIn('zhang.wei', password, '127.0.0.1')).ok).toBe(true);

    expect(await userAdd({ id: 'x1', name: '某', role: 'root' }, deps)).toBe(2);
    expect(deps.errors).toEqual(['--role must be one of admin, supervisor, lead, viewer']);
  });

  it('user list shows every user without any password, also as of an earlier instant', async () => {
    const before = clock.now().toISOString();
    clock.advance(1000);
    deps.stdin = 'viewer-password-1';
    await userAdd({ id: 'wu.min', name: '吴敏', role: 'viewer', passwordStdin: true }, deps);
    deps.lines.length = 0;

    await userList({}, deps);
    expect(deps.lines.map((line) => line.split('\t').slice(0, 5))).toEqual([
      ['li.na', '李娜', 'lead', '区数据局', 'enabled'],
      ['wu.min', '吴敏', 'viewer', '-', 'enabled'],
      ['zhang.wei', '张伟', 'supervisor', '-', 'enabled'],
    ]);
    expect(deps.lines.join('\n')).not.toContain('viewer-password-1');
    deps.lines.length = 0;
    await userList({ asOf: before }, deps);
    expect(deps.lines.map((line) => line.split('\t')[0])).toEqual(['li.na', 'zhang.wei']);
  });

  it('user disable stops sign-in; user passwd sets a new password and refuses a short one', async () => {
    expect(await userEnabled('wu.min', false, deps)).toBe(0);
    expect((await signIn.signIn('wu.min', 'viewer-password-1', '127.0.0.1')).ok).toBe(false);

    clock.advance(1000);
    deps.stdin = 'li-na-password-2';
    expect(await userPasswd('li.na', deps)).toBe(0);
    expect((await signIn.signIn('li.na', 'li-na-password-1', '127.0.0.1')).ok).toBe(false);
    expect((await signIn.signIn('li.na', 'li-na-password-2', '127.0.0.1')).ok).toBe(true);

    deps.stdin = 'short';
    await expect(userPasswd('li.na', deps)).rejects.toThrow('密码至少需要10个字符');
  });
});
