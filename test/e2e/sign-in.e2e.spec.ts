import { Logger } from '@nestjs/common';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AUTH_STORE, type AuthStore } from '@duty-ledger/auth';
import { createFirstAdmin } from '@duty-ledger/commands';
import { TestApp } from './support/test-app';

/** A browser's cookie jar, reduced to what these tests need. */
interface Jar {
  session?: string;
  csrf?: string;
}

describe('sign-in with sessions (e2e)', () => {
  const t = new TestApp();
  let adminPassword: string;
  let address = 0;
  /** A fresh client address per test, so one test's failed sign-ins do not throttle another's. */
  let remoteAddress = '10.0.0.1';

  const call = async (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    options: {
      jar?: Jar;
      body?: object;
      csrf?: string | false;
      headers?: Record<string, string>;
    } = {},
  ) => {
    const { jar, body } = options;
    const cookies = [
      jar?.session !== undefined ? `dl_session=${jar.session}` : '',
      jar?.csrf !== undefined ? `dl_csrf=${jar.csrf}` : '',
    ].filter(Boolean);
    const csrf = options.csrf === undefined ? jar?.csrf : options.csrf;
    const response = await t.app.inject({
      method,
      url: encodeURI(url),
      remoteAddress,
      headers: {
        ...(cookies.length > 0 ? { cookie: cookies.join('; ') } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(options.headers ?? {}),
      },
      ...(body !== undefined ? { payload: body } : {}),
    });
    let json: any;
    try {
      json = response.json();
    } catch {
      json = undefined;
    }
    return {
      status: response.statusCode,
      body: json,
      text: response.body,
      headers: response.headers,
    };
  };

  const setCookies = (headers: Record<string, unknown>): string[] => {
    const raw = headers['set-cookie'];
    return Array.isArray(raw) ? (raw as string[]) : raw ? [String(raw)] : [];
  };

  const login = async (username: string, password: string) => {
    const response = await call('POST', '/auth/login', { body: { username, password } });
    const jar: Jar = {};
    for (const cookie of setCookies(response.headers)) {
      const [pair] = cookie.split(';');
      const [name, value] = pair.split('=');
      if (name === 'dl_session') jar.session = value;
      if (name === 'dl_csrf') jar.csrf = value;
    }
    return { ...response, jar };
  };

  const adminJar = async () => (await login('admin', adminPassword)).jar;

  const createUser = async (jar: Jar, user: Record<string, string>) => {
    const response = await call('POST', '/users', { jar, body: user });
    expect(response.status).toBe(201);
    return response;
  };

  beforeAll(async () => {
    await t.start();
    const first = await createFirstAdmin(t.store, t.app.get<AuthStore>(AUTH_STORE), t.clock);
    adminPassword = first!.password;
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    address += 1;
    remoteAddress = `10.0.${Math.floor(address / 250)}.${address % 250}`;
  });

  it('creates the first admin once, with a random password of 20 characters', async () => {
    expect(adminPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(
      await createFirstAdmin(t.store, t.app.get<AuthStore>(AUTH_STORE), t.clock),
    ).toBeUndefined();
  });

  it('signs in with a session cookie (HttpOnly, SameSite=Strict, 12 h) and a readable CSRF cookie; GET /me says who', async () => {
    const response = await login('admin', adminPassword);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: 'admin', name: '管理员', role: 'admin' });
    const [session, csrf] = setCookies(response.headers);
    expect(session).toMatch(
      /^dl_session=[\w-]{43}; Path=\/; Max-Age=43200; SameSite=Strict; HttpOnly$/,
    );
    expect(csrf).toMatch(/^dl_csrf=[\w-]{43}; Path=\/; Max-Age=43200; SameSite=Strict$/);
    expect((await call('GET', '/me', { jar: response.jar })).body).toEqual({
      id: 'admin',
      name: '管理员',
      role: 'admin',
    });
  });

  it('refuses a wrong password and an unknown user alike, with 401 in Chinese, and logs the attempt without the password', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const wrong = await login('admin', 'not-the-password-at-all');
      const unknown = await login('nobody', 'not-the-password-at-all');

      for (const response of [wrong, unknown]) {
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ status: 401, detail: '用户名或密码错误' });
        expect(setCookies(response.headers)).toEqual([]);
      }
      const logged = warn.mock.calls.map((args) => args.join(' ')).join('\n');
      expect(logged).toContain('sign-in failed for "admin"');
      expect(logged).not.toContain('not-the-password-at-all');
    } finally {
      warn.mockRestore();
    }
  });

  it('throttles a user after 5 failed sign-ins a minute with 429, even with the right password, until the minute has passed', async () => {
    const jar = await adminJar();
    await createUser(jar, {
      id: 'wang.fang',
      name: '王芳',
      role: 'viewer',
      password: 'wang-fang-pass-1',
    });
    for (let i = 0; i < 5; i += 1) {
      remoteAddress = `10.9.9.${i}`;
      expect((await login('wang.fang', 'wrong-password-x')).status).toBe(401);
    }
    remoteAddress = '10.9.9.100';
    const throttled = await login('wang.fang', 'wang-fang-pass-1');
    expect(throttled.status).toBe(429);
    expect(throttled.body.detail).toMatch(/登录失败次数过多/);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);

    t.clock.advance(61_000);
    expect((await login('wang.fang', 'wang-fang-pass-1')).status).toBe(200);
  });

  it('throttles an address after 5 failed sign-ins a minute, whatever names it tries', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await login(`guess${i}`, 'wrong-password-x')).status).toBe(401);
    expect((await login('admin', adminPassword)).status).toBe(429);
    t.clock.advance(61_000);
  });

  it('refuses a change sent with the cookie but without the CSRF header (403), takes it with the header, and takes bearer tokens without one', async () => {
    const jar = await adminJar();
    const user = { id: 'zhao.lei', name: '赵磊', role: 'viewer', password: 'zhao-lei-pass-1' };

    const without = await call('POST', '/users', { jar, body: user, csrf: false });
    const wrong = await call('POST', '/users', { jar, body: user, csrf: 'x'.repeat(43) });
    expect(without.status).toBe(403);
    expect(wrong.status).toBe(403);
    expect((await call('GET', '/users', { jar })).body.items.map((u: any) => u.id)).not.toContain(
      'zhao.lei',
    );
    expect((await call('POST', '/users', { jar, body: user })).status).toBe(201);

    const bearer = await t.request('POST', '/users', {
      token: t.token('admin'),
      body: { ...user, id: 'zhao.lei2' },
    });
    expect(bearer.status).toBe(201);
  });

  it('ends the session for good on logout: the old cookie gets 401', async () => {
    const jar = await adminJar();
    const out = await call('POST', '/auth/logout', { jar });

    expect(out.status).toBe(204);
    expect(setCookies(out.headers).every((c) => c.includes('Max-Age=0'))).toBe(true);
    const after = await call('GET', '/me', { jar });
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/登录已失效/);
    expect((await call('GET', '/users', { jar })).status).toBe(401);
  });

  it("stops a user's session at once when an admin disables them, and refuses their sign-in", async () => {
    const admin = await adminJar();
    await createUser(admin, {
      id: 'li.na',
      name: '李娜',
      role: 'lead',
      unit: '区数据局',
      password: 'li-na-password-1',
    });
    const lead = await login('li.na', 'li-na-password-1');
    expect((await call('GET', '/me', { jar: lead.jar })).body).toEqual({
      id: 'li.na',
      name: '李娜',
      role: 'lead',
      unit: '区数据局',
    });

    const disabled = await call('PATCH', '/users/li.na', { jar: admin, body: { enabled: false } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.user).toMatchObject({ id: 'li.na', enabled: false });
    expect((await call('GET', '/me', { jar: lead.jar })).status).toBe(401);
    expect((await login('li.na', 'li-na-password-1')).status).toBe(401);

    await call('PATCH', '/users/li.na', { jar: admin, body: { enabled: true } });
    expect((await login('li.na', 'li-na-password-1')).status).toBe(200);
  });

  it('applies a role change to a signed-in user at once', async () => {
    const admin = await adminJar();
    await createUser(admin, {
      id: 'sun.li',
      name: '孙丽',
      role: 'admin',
      password: 'sun-li-password-1',
    });
    const other = await login('sun.li', 'sun-li-password-1');
    expect((await call('GET', '/users', { jar: other.jar })).status).toBe(200);

    await call('PATCH', '/users/sun.li', { jar: admin, body: { role: 'supervisor' } });
    const refused = await call('GET', '/users', { jar: other.jar });
    expect(refused.status).toBe(403);
    expect((await call('GET', '/me', { jar: other.jar })).body.role).toBe('supervisor');
  });

  it("ends a user's earlier sessions when their password is set again", async () => {
    const admin = await adminJar();
    await createUser(admin, {
      id: 'zhou.jie',
      name: '周杰',
      role: 'viewer',
      password: 'zhou-jie-pass-1',
    });
    const before = await login('zhou.jie', 'zhou-jie-pass-1');
    t.clock.advance(1000);

    const set = await call('POST', '/users/zhou.jie/password', {
      jar: admin,
      body: { password: 'zhou-jie-pass-2' },
    });
    expect(set.status).toBe(200);
    expect((await call('GET', '/me', { jar: before.jar })).status).toBe(401);
    expect((await login('zhou.jie', 'zhou-jie-pass-1')).status).toBe(401);
    expect((await login('zhou.jie', 'zhou-jie-pass-2')).status).toBe(200);
  });

  it('refuses a short password with 400 naming the field, and lets only admins manage users', async () => {
    const admin = await adminJar();
    const short = await call('POST', '/users', {
      jar: admin,
      body: { id: 'qian.yu', name: '钱宇', role: 'viewer', password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.detail).toMatch(/^password/);

    const supervisor = await t.request('GET', '/users', { token: t.token('supervisor') });
    expect(supervisor.status).toBe(403);
    expect((await call('GET', '/users')).status).toBe(401);
  });

  it('records users as events with the admin who acted, answerable as of a past instant', async () => {
    const admin = await adminJar();
    await createUser(admin, {
      id: 'chen.gang',
      name: '陈刚',
      role: 'lead',
      unit: '区科委',
      password: 'chen-gang-pass-1',
    });
    const asLead = t.clock.now().toISOString();
    t.clock.advance(60_000);
    await call('PATCH', '/users/chen.gang', {
      jar: admin,
      body: { role: 'supervisor', unit: null, name: '陈刚（督查室）' },
    });

    const then = await call('GET', `/users?asOf=${asLead}`, { jar: admin });
    const now = await call('GET', '/users', { jar: admin });
    expect(then.body.items.find((u: any) => u.id === 'chen.gang')).toMatchObject({
      name: '陈刚',
      role: 'lead',
      unit: '区科委',
      createdBy: 'admin',
    });
    const current = now.body.items.find((u: any) => u.id === 'chen.gang');
    expect(current).toMatchObject({
      name: '陈刚（督查室）',
      role: 'supervisor',
      changedBy: 'admin',
    });
    expect(current.unit).toBeUndefined();

    const history = await call('GET', '/users/chen.gang/history', { jar: admin });
    expect(history.body.items.map((e: any) => [e.type, e.by.id])).toEqual([
      ['UserCreated', 'admin'],
      ['UserProfileChanged', 'admin'],
    ]);
    expect((await t.streamEvents('user-chen.gang')).map((e) => e.schemaVersion)).toEqual([1, 1]);
  });

  it('never writes a password or its hash into the event log or any answer', async () => {
    const admin = await adminJar();
    const password = 'never-anywhere-7';
    const created = await createUser(admin, {
      id: 'he.ping',
      name: '何平',
      role: 'viewer',
      password,
    });
    const reset = await call('POST', '/users/he.ping/password', {
      jar: admin,
      body: { password: `${password}x` },
    });
    const listed = await call('GET', '/users', { jar: admin });
    const hash = await t.app.get<AuthStore>(AUTH_STORE).passwordHash('he.ping');

    const log: string[] = [];
    for await (const event of t.store.readAll())
      log.push(JSON.stringify({ data: event.data, metadata: event.metadata }));
    const everything = [created.text, reset.text, listed.text, ...log].join('\n');
    expect(hash).toMatch(/^scrypt\$/);
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(hash!.split('$').pop());
    expect(everything).not.toMatch(/scrypt\$/);
  });

  it('accepts the session cookie on the live stream /events/stream', async () => {
    const jar = await adminJar();
    await t.seed();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const open = (cookie?: string) =>
      new Promise<{ status: number; first: string }>((resolve, reject) => {
        const request = get(
          {
            host: '127.0.0.1',
            port,
            path: '/events/stream',
            headers: { 'last-event-id': '0', ...(cookie ? { cookie } : {}) },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
              text += chunk;
              if (response.statusCode !== 200 || /\n\n/.test(text)) {
                request.destroy();
                resolve({ status: response.statusCode!, first: text });
              }
            });
          },
        );
        request.on('error', reject);
      });

    const signedIn = await open(`dl_session=${jar.session}`);
    expect(signedIn.status).toBe(200);
    expect(signedIn.first).toMatch(/^id: /m);
    expect((await open()).status).toBe(401);
  });
});

describe('session settings (e2e)', () => {
  // Its own store: `admin` is created afresh, whatever another suite's service did.
  const t = new TestApp({
    ownStore: true,
    config: { session: { ttlMs: 3600_000, secureCookies: true } },
  });
  beforeAll(() => t.start());
  afterAll(() => t.stop());

  it('gives the cookies the configured lifetime (SESSION_TTL) and marks them Secure (SESSION_COOKIE_SECURE); the session ends with its lifetime', async () => {
    const first = await createFirstAdmin(t.store, t.app.get<AuthStore>(AUTH_STORE), t.clock);
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'admin', password: first!.password },
    });

    const cookies = response.headers['set-cookie'] as string[];
    expect(cookies[0]).toMatch(/; Max-Age=3600; SameSite=Strict; HttpOnly; Secure$/);
    expect(cookies[1]).toMatch(/; Max-Age=3600; SameSite=Strict; Secure$/);
    const cookie = cookies[0].split(';')[0];
    const me = () => t.app.inject({ method: 'GET', url: '/me', headers: { cookie } });
    t.clock.advance(3599_000);
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await me()).statusCode).toBe(401);
  });
});
