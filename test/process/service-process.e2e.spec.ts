import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { mintToken } from '@duty-ledger/auth';
import { ServiceProcess, untilReady } from './service-process';

const SECRET = 'process-test-secret-process-test';
const TARGET = 'changning-2024-digital-t02-g1'; // 区数据局 leads it

function milestone(url: string, token: string, note: string, requestId?: string) {
  return fetch(`${url}/targets/${TARGET}/milestones`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(requestId ? { 'x-request-id': requestId } : {}),
    },
    body: JSON.stringify({ value: 1, asOf: '2024-06-01', evidence: ['台账'], note }),
  });
}

describe('the service as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'duty-ledger-process-'));
  const token = mintToken(SECRET, {
    sub: 'li.na',
    role: 'lead',
    unit: '区数据局',
    expiresIn: '1h',
  });
  let service: ServiceProcess;
  let url: string;

  beforeAll(async () => {
    service = new ServiceProcess({ DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET });
    url = await service.baseUrl();
    await untilReady(url);
  }, 60_000);
  afterAll(async () => {
    if (service.child.exitCode === null) service.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs JSON lines that carry the request id and the actor on every line of a request, never the token', async () => {
    const answer = await milestone(url, token, '日志检查', 'trace-me-1');
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-request-id')).toBe('trace-me-1');
    await new Promise((r) => setTimeout(r, 100)); // the closing line is written after the answer

    const lines = service.lines.filter((l) => l.reqId === 'trace-me-1');
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'request completed']),
    );
    const completed = lines.find((l) => l.msg === 'request completed')!;
    expect(completed.actor).toEqual({ id: 'li.na', role: 'lead', unit: '区数据局' });
    expect(completed).toMatchObject({ res: { statusCode: 201 } });
    expect(service.raw.join('\n')).not.toContain(token);
    expect(service.raw.join('\n')).not.toContain(SECRET);
  });

  it('given a burst of commands, SIGTERM answers every command it accepted, records exactly those, and exits 0', async () => {
    const burst = 150;
    const outcomes: (number | 'refused')[] = [];
    let answered = 0;
    let signalled = false;
    const sends = Array.from({ length: burst }, (_, i) =>
      milestone(url, token, `burst-${i}`).then(
        async (response) => {
          await response.arrayBuffer();
          outcomes[i] = response.status;
          answered += 1;
          if (answered === 20 && !signalled) {
            signalled = true;
            service.child.kill('SIGTERM');
          }
        },
        () => {
          outcomes[i] = 'refused'; // the server had stopped taking connections
        },
      ),
    );
    await Promise.all(sends);
    const code = await service.exited;
    if (code !== 0) console.log(service.raw.slice(-15).join('\n'));
    expect(code).toBe(0);
    expect(service.lines.map((l) => l.msg)).toContain('closed cleanly');

    const accepted = outcomes.flatMap((o, i) => (o === 201 ? [`burst-${i}`] : []));
    expect(accepted.length).toBeGreaterThanOrEqual(20);
    // Nothing but accepted, refused, or 503 from a server that is closing.
    for (const outcome of outcomes) expect([201, 503, 'refused']).toContain(outcome);

    const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    try {
      const notes = (
        db
          .prepare(
            "SELECT json_extract(data, '$.note') AS note FROM events WHERE type = 'MilestoneReported' AND json_extract(data, '$.note') LIKE 'burst-%'",
          )
          .all() as { note: string }[]
      ).map((r) => r.note);
      expect(notes.sort()).toEqual([...accepted].sort()); // each accepted once, nothing else
    } finally {
      db.close();
    }
  }, 60_000);
});
