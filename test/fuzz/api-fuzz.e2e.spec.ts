import fc from 'fast-check';
import { mintToken } from '@duty-ledger/auth';
import { TestApp } from '../e2e/support/test-app';
import {
  invalidRequest,
  operationsOf,
  type Credentials,
  type GeneratedRequest,
  type Operation,
} from './invalid-requests';

/**
 * Property: whatever malformed request reaches any route (generated from the OpenAPI document,
 * so a new route is fuzzed without touching this file), the answer is a 4xx with an error body,
 * never a 5xx or a stack trace, and the log does not change. FUZZ_RUNS and FUZZ_SEED run it
 * longer or differently (`npm run fuzz`); CI runs the fixed seed below.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205);

describe('fuzzing every route with invalid requests', () => {
  const api = new TestApp({
    ownStore: true,
    // No seals either: the run outlasts the seal interval, and "writes nothing" is about requests.
    config: { readCache: { enabled: false, maxBytes: 1, ttlMs: 1 }, record: { sealing: false } },
  });
  let operations: Operation[];
  let credentials: Credentials;
  let baseUrl: string;

  beforeAll(async () => {
    await api.start();
    await api.seed();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await api.app.getUrl();
    const docs = await api.request('GET', '/docs-json');
    operations = operationsOf(docs.body as unknown as Parameters<typeof operationsOf>[0]);
    credentials = {
      viewer: api.token('viewer'),
      lead: api.token('lead', '区数据局'),
      otherLead: api.token('lead', '区教育局'),
      supervisor: api.token('supervisor'),
      admin: api.token('admin'),
      expired: mintToken(api.config.jwtSecret, { sub: 's', role: 'supervisor', expiresIn: -60 }),
      forged: `${api.token('admin').slice(0, -4)}AAAA`,
    };
  });
  afterAll(() => api.stop());

  /**
   * In process (light-my-request), which sends paths byte for byte; except the event stream,
   * which needs a real socket (Nest's SSE sets keep-alive on it), so it goes over loopback.
   */
  async function send(request: GeneratedRequest): Promise<{ statusCode: number; body: string }> {
    if (!request.url.startsWith('/events/stream')) {
      return api.app.inject({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      });
    }
    const response = await fetch(`${baseUrl}${request.url}`, {
      method: request.method,
      headers: request.headers,
      signal: AbortSignal.timeout(5000),
    });
    const body = response.status === 200 ? '(an open event stream)' : await response.text();
    if (response.status === 200) await response.body?.cancel();
    return { statusCode: response.status, body };
  }

  it(`answers ${RUNS} generated invalid requests with a 4xx and an error body, and writes nothing`, async () => {
    expect(operations.length).toBeGreaterThan(20);
    const headBefore = await api.store.headPosition();
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(
        invalidRequest(
          () => operations,
          () => credentials,
        ),
        async (request) => {
          const answer = await send(request);
          statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
          const where = `${request.method} ${request.url} -> ${answer.statusCode} ${answer.body.slice(0, 300)}`;
          if (answer.statusCode < 400 || answer.statusCode >= 500) throw new Error(where);
          if (/\n\s+at |"stack"/.test(answer.body)) throw new Error(`stack trace: ${where}`);
          const body = JSON.parse(answer.body) as { message?: unknown; detail?: unknown };
          if (typeof (body.detail ?? body.message) !== 'string' && !Array.isArray(body.message))
            throw new Error(`no message: ${where}`);
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    expect(await api.store.headPosition()).toEqual(headBefore);
    // Every class of refusal was reached, not only the first line of defence.
    for (const status of [400, 401, 403, 404]) expect(statuses.get(status)).toBeGreaterThan(0);
  }, 600_000);
});
