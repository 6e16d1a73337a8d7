import { TestApp } from './support/test-app';

const TARGET = 'changning-2024-digital-t02-g1'; // 区数据局 leads it
const UNIT = '区数据局';

/** The value of one sample line of a Prometheus text exposition, or undefined. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('operability: health, metrics and request ids', () => {
  // Its own store: counters and cache hits are compared across requests, which other suites'
  // writes to a shared EventStoreDB would move in between.
  const api = new TestApp({ ownStore: true });
  beforeAll(async () => {
    await api.start();
    await api.seed();
  });
  afterAll(() => api.stop());

  it('given the service is up, /health/live answers 200 and /health/ready 200 once caught up', async () => {
    const live = await api.request('GET', '/health/live');
    expect(live).toMatchObject({ status: 200, body: { status: 'ok' } });
    // Catching up with the seed import takes a moment: ask until it says ready (bounded).
    let ready = await api.request('GET', '/health/ready');
    for (let tries = 0; ready.status === 503 && tries < 200; tries += 1) {
      expect(ready.body).toMatchObject({ status: 'catching-up' });
      await new Promise((r) => setTimeout(r, 50));
      ready = await api.request('GET', '/health/ready');
    }
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', caughtUp: true });
  });

  it('when commands are accepted and refused, their counters, the append latency and the route counters move', async () => {
    const before = (await api.request('GET', '/metrics')).raw.body;
    const lead = api.token('lead', UNIT);
    const accepted = await api.request('POST', `/targets/${TARGET}/milestones`, {
      token: lead,
      body: { value: 3, asOf: '2024-06-01', evidence: ['台账'] },
    });
    expect(accepted.status).toBe(201);
    const refused = await api.request('POST', `/targets/${TARGET}/milestones`, {
      token: lead,
      body: { value: 3, asOf: '2099-06-01', evidence: ['台账'] },
    });
    expect(refused.status).toBe(422);

    const scrape = await api.request('GET', '/metrics');
    expect(scrape.status).toBe(200);
    expect(scrape.headers['content-type']).toContain('text/plain');
    const after = scrape.raw.body;
    const command = 'duty_ledger_commands_total{command="POST /targets/:targetId/milestones"';
    expect(sample(after, `${command},outcome="accepted"}`)).toBe(
      (sample(before, `${command},outcome="accepted"}`) ?? 0) + 1,
    );
    expect(sample(after, `${command},outcome="rejected"}`)).toBe(
      (sample(before, `${command},outcome="rejected"}`) ?? 0) + 1,
    );
    const appends = 'duty_ledger_event_store_append_duration_seconds_count{outcome="ok"}';
    expect(sample(after, appends)).toBeGreaterThan(sample(before, appends) ?? 0);
    expect(
      sample(
        after,
        'duty_ledger_http_requests_total{method="POST",route="/targets/:targetId/milestones",status="422"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    // Node's own process metrics are there too.
    expect(after).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(after).toMatch(/^duty_ledger_projection_lag_events\{projection="obligations"\} \d+$/m);
  });

  it('given a repeated read, the read cache hit is counted', async () => {
    const viewer = api.token('viewer');
    const url = `/targets/${TARGET}`;
    await api.request('GET', url, { token: viewer });
    const second = await api.request('GET', url, { token: viewer });
    expect(second.headers['x-read-cache']).toBe('hit');
    const scrape = (await api.request('GET', '/metrics')).raw.body;
    expect(sample(scrape, 'duty_ledger_read_cache_requests_total{result="hit"}')).toBeGreaterThan(
      0,
    );
  });

  it('given an unknown URL, it is counted under one label, not by its raw path', async () => {
    await api.request('GET', '/no/such/route/一二三');
    const scrape = (await api.request('GET', '/metrics')).raw.body;
    expect(scrape).toContain('route="(unmatched)"');
    expect(scrape).not.toContain('一二三');
  });

  it('every answer carries a request id: the caller’s when it is a plain token, else a new one', async () => {
    const given = await api.request('GET', '/health/live', {
      headers: { 'x-request-id': 'req-42.abc' },
    });
    expect(given.headers['x-request-id']).toBe('req-42.abc');
    const hostile = await api.request('GET', '/health/live', {
      headers: { 'x-request-id': 'a\u0000b"}{ injected' },
    });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('given METRICS_TOKEN is set', () => {
  const api = new TestApp({ ownStore: true, config: { metricsToken: 'scrape-secret' } });
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it('/metrics answers 401 without it, or with another, and 200 with it', async () => {
    expect((await api.request('GET', '/metrics')).status).toBe(401);
    const wrong = await api.request('GET', '/metrics', {
      headers: { authorization: 'Bearer scrape-secreX' },
    });
    expect(wrong.status).toBe(401);
    const right = await api.request('GET', '/metrics', {
      headers: { authorization: 'Bearer scrape-secret' },
    });
    expect(right.status).toBe(200);
    expect(right.raw.body).toContain('duty_ledger_http_requests_total');
  });
});
