/**
 * node scripts/run.js bench/micro.js [--repeat 2000]
 *
 * Micro-measurements behind the profiling findings (bench/README.md), each bounded by --repeat:
 *  1. JWT verification as libs/auth verifyToken does it (string secret) against jsonwebtoken
 *     given a cached KeyObject: jsonwebtoken 9 first tries createPublicKey(secret), which throws,
 *     on every call.
 *  2. The command path's loadState on a task stream of growing length: readStream (read and
 *     decode) and the fold with evolveTask, as libs/commands loadState does on every command.
 */
import 'reflect-metadata';
import { createSecretKey } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { verify } from 'jsonwebtoken';
import { mintToken, verifyToken } from '@duty-ledger/auth';
import {
  decideImportPlan,
  evolveTask,
  initialTaskState,
  taskDecider,
  type ImportPlan,
  type PlanDraft,
  type TaskEvent,
  type TaskState,
  type UnitRegistry,
} from '@duty-ledger/domain';
import { SqliteEventStore, type JsonObject } from '@duty-ledger/event-store';
import { readFileSync } from 'node:fs';
import {
  benchDataDir,
  numberArg,
  parseArgs,
  printTable,
  repoRoot,
  writeResults,
} from './lib/report';
import { median, round } from './lib/stats';

function perCall(repeat: number, work: () => unknown): number {
  for (let i = 0; i < Math.min(200, repeat); i++) work();
  const samples: number[] = [];
  const chunk = 50;
  for (let i = 0; i < repeat; i += chunk) {
    const t0 = performance.now();
    for (let k = 0; k < chunk; k++) work();
    samples.push((performance.now() - t0) / chunk);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const args = parseArgs();
  const repeat = numberArg(args, 'repeat', 2000);

  // 1. JWT
  const secret = 'bench-secret-0123456789abcdef0123456789abcdef';
  const token = mintToken(secret, { sub: 'u1', role: 'lead', unit: '区数据局' });
  const key = createSecretKey(Buffer.from(secret));
  const asToday = perCall(repeat, () => verifyToken(secret, token));
  const withKey = perCall(repeat, () => verify(token, key, { algorithms: ['HS256'] }));
  const jwtRows = [
    { case: 'verifyToken(secret string) — as libs/auth does', 'µs/call': round(asToday * 1000, 1) },
    { case: 'jsonwebtoken.verify(cached KeyObject)', 'µs/call': round(withKey * 1000, 1) },
  ];
  printTable('JWT verification per request', jwtRows);

  // 2. loadState on a growing task stream (seed task 2: 3 leads, 2 targets).
  const draft = JSON.parse(
    readFileSync(join(repoRoot(), 'seeds', 'changning-2024.plan.json'), 'utf8'),
  ) as PlanDraft;
  const registry = JSON.parse(
    readFileSync(join(repoRoot(), 'seeds', 'units.json'), 'utf8'),
  ) as UnitRegistry;
  const dir = join(benchDataDir(), 'micro');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = SqliteEventStore.open({ path: join(dir, 'events.sqlite'), fsync: false });
  const now = '2024-07-01T02:00:00.000Z';
  const admin = { id: 'admin', role: 'admin' as const };
  const command: ImportPlan = {
    type: 'ImportPlan',
    data: { planId: 'p', draft: { ...draft, planId: 'p' }, registry },
    metadata: { actor: admin, now, commandId: 'c0' },
  };
  const task = decideImportPlan(command, { status: 'none' }).find(
    (s) => s.streamId === 'task-p-t02',
  )!;
  const metadata = {
    actor: admin,
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    occurredAt: now,
    recordedAt: now,
  } as JsonObject;
  await store.append(
    'task-p-t02',
    task.events.map((e) => ({
      type: e.type,
      schemaVersion: 1,
      data: e.data as JsonObject,
      metadata,
    })),
    { expectedRevision: 'no_stream' },
  );
  let state: TaskState = initialTaskState();
  for (const e of task.events) state = evolveTask(state, e as TaskEvent);
  let revision = task.events.length - 1;
  const lead = { id: 'l', role: 'lead' as const, unit: '区数据局' };
  const foldRows = [];
  for (const length of [20, 50, 100, 200, 400]) {
    while (revision + 1 < length) {
      const events = taskDecider.decide(
        {
          type: 'ReportMilestone',
          data: {
            targetId: 'p-t02-g1',
            milestoneId: `m${revision}`,
            value: revision,
            asOf: '2024-06-30',
            evidence: [],
          },
          metadata: { actor: lead, now, commandId: `c${revision}` },
        },
        state,
      );
      const result = await store.append(
        'task-p-t02',
        events.map((e) => ({
          type: e.type,
          schemaVersion: 1,
          data: e.data as JsonObject,
          metadata,
        })),
        { expectedRevision: revision },
      );
      revision = result.nextExpectedRevision;
      for (const e of events) state = evolveTask(state, e);
    }
    const recorded: { type: string; schemaVersion: number; data: JsonObject }[] = [];
    const readMs = await (async () => {
      const samples: number[] = [];
      for (let i = 0; i < Math.max(20, Math.round(repeat / 20)); i++) {
        recorded.length = 0;
        const t0 = performance.now();
        for await (const e of store.readStream('task-p-t02')) recorded.push(e);
        samples.push(performance.now() - t0);
      }
      return median(samples);
    })();
    const foldMs = perCall(Math.max(50, Math.round(repeat / 10)), () => {
      let s: TaskState = initialTaskState();
      for (const e of recorded) s = evolveTask(s, e as unknown as TaskEvent);
      return s;
    });
    foldRows.push({
      'stream length': length,
      'readStream ms': round(readMs, 3),
      'fold (evolveTask) ms': round(foldMs, 3),
      'loadState ms': round(readMs + foldMs, 3),
    });
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  printTable('loadState per command: read + fold of the whole task stream (seed task 2)', foldRows);
  writeResults('micro', {
    description:
      'Micro-measurements behind the profiling findings: JWT verify per request, and the per-command loadState cost by stream length.',
    jwt: jwtRows,
    loadState: foldRows,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
