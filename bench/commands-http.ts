/**
 * npm run bench:commands [-- --seconds 10 --connections 50 --also-nofsync]
 *
 * ReportMilestone over HTTP (POST /targets/:targetId/milestones) against the real app
 * (dist/apps/api/main.js in a child process, embedded SQLite store, default EVENT_STORE_FSYNC=true)
 * on a fresh data dir where the seed plan is imported at start, with lead tokens of each target's
 * lead unit; requests go round-robin over the seed's 39 targets. Baseline: bare fastify answering
 * the same route with a canned body of the same size. autocannon on loopback, bounded duration.
 * Retries (commands that lost a revision race and were decided again) come from the line the
 * app's task-command handler logs at shutdown; they count the whole run, warm-up included.
 * "CPU µs/req" is the app process's user + system CPU time over the measured run per 2xx answer:
 * on a machine shared with other work it moves far less than req/s does.
 */
import 'reflect-metadata';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mintToken } from '@duty-ledger/auth';
import {
  expandUnits,
  taskIdOf,
  targetIdOf,
  type PlanDraft,
  type UnitRegistry,
} from '@duty-ledger/domain';
import { BENCH_JWT_SECRET, startApi, startBare } from './lib/app';
import { autocannon, rssOf, summarizeCannon, type AutocannonRequest } from './lib/http';
import {
  benchDataDir,
  mib,
  numberArg,
  parseArgs,
  printTable,
  repoRoot,
  writeResults,
  type Row,
} from './lib/report';
import { round } from './lib/stats';

interface Target {
  readonly targetId: string;
  readonly token: string;
}

function seedTargets(): Target[] {
  const draft = JSON.parse(
    readFileSync(join(repoRoot(), 'seeds', 'changning-2024.plan.json'), 'utf8'),
  ) as PlanDraft;
  const registry = JSON.parse(
    readFileSync(join(repoRoot(), 'seeds', 'units.json'), 'utf8'),
  ) as UnitRegistry;
  const planId = draft.planId ?? 'seed';
  const targets: Target[] = [];
  for (const task of draft.sections.flatMap((s) => s.tasks)) {
    const lead = expandUnits(task.leads, task.supporting, registry).find(
      (u) => u.role === 'lead' && !u.isGroup,
    );
    if (!lead) continue;
    const token = mintToken(BENCH_JWT_SECRET, {
      sub: `bench-lead-${task.no}`,
      role: 'lead',
      unit: lead.unit,
      name: '压测',
    });
    task.targets.forEach((_, i) =>
      targets.push({ targetId: targetIdOf(taskIdOf(planId, task.no), i + 1), token }),
    );
  }
  return targets;
}

function milestoneRequests(targets: readonly Target[]): AutocannonRequest[] {
  let n = 0;
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        const target = targets[n % targets.length];
        n += 1;
        return {
          ...request,
          method: 'POST',
          path: `/targets/${target.targetId}/milestones`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
          body: JSON.stringify({ value: n, asOf: '2024-06-30', note: `压测进展${n}` }),
        };
      },
    },
  ];
}

/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The app's shutdown line: "<n> task commands, <m> retries after a lost revision race". */
function commandStatsOf(output: string): { commands: number; retries: number } | undefined {
  const match = /(\d+) task commands, (\d+) retries/.exec(output);
  return match ? { commands: Number(match[1]), retries: Number(match[2]) } : undefined;
}

async function main(): Promise<void> {
  const args = parseArgs();
  const seconds = numberArg(args, 'seconds', 10);
  const warmup = numberArg(args, 'warmup', 2);
  const connections = numberArg(args, 'connections', 50);
  const fsyncModes = args.has('also-nofsync') ? [true, false] : [true];
  // --profile: CPU-profile the app during the measured run (figures then include profiler overhead and are not saved).
  const profile = args.has('profile');
  const targets = seedTargets();
  const figures: object[] = [];
  const rows: Row[] = [];

  let bareFigures: ReturnType<typeof summarizeCannon> | undefined;
  for (const fsync of fsyncModes) {
    const dataDir = join(benchDataDir(), 'commands-http', `data-${fsync ? 'fsync' : 'nofsync'}`);
    rmSync(dataDir, { recursive: true, force: true });
    const app = await startApi(dataDir, {
      env: { SEED_PLAN: 'true', EVENT_STORE_FSYNC: String(fsync) },
      profile,
    });
    let sample = '';
    let result: ReturnType<typeof summarizeCannon> | undefined;
    let rss: number | undefined;
    let cpuMs: number | undefined;
    try {
      // One request per target first: proves the setup (201s) and gives the response size.
      for (const target of targets) {
        const response = await fetch(`${app.url}/targets/${target.targetId}/milestones`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
          body: JSON.stringify({ value: 1, asOf: '2024-06-30', note: '压测预热' }),
        });
        const text = await response.text();
        if (response.status !== 201)
          throw new Error(`warm-up POST ${target.targetId} answered ${response.status}: ${text}`);
        sample = text;
      }
      if (warmup > 0)
        await autocannon({
          url: app.url,
          connections,
          duration: warmup,
          requests: milestoneRequests(targets),
        });
      await app.profiler?.start();
      const cpuBefore = cpuMsOf(app.child.process.pid!);
      result = summarizeCannon(
        await autocannon({
          url: app.url,
          connections,
          duration: seconds,
          requests: milestoneRequests(targets),
        }),
      );
      if (app.profiler) {
        const file = join(
          benchDataDir(),
          'profiles',
          `commands-http-${fsync ? 'fsync' : 'nofsync'}.cpuprofile`,
        );
        await app.profiler.stop(file);
        console.log(`CPU profile of the app: ${file}`);
      }
      const cpuAfter = cpuMsOf(app.child.process.pid!);
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpuMs = cpuAfter - cpuBefore;
      rss = rssOf(app.child.process.pid!);
    } finally {
      await app.child.stop();
    }
    const stats = commandStatsOf(app.child.output());
    figures.push({
      server: 'app',
      fsync,
      ...result,
      responseBytes: Buffer.byteLength(sample),
      rssMiB: rss && mib(rss),
      cpuMicrosPerRequest: cpuMs && round((cpuMs * 1000) / result.ok2xx, 0),
      taskCommands: stats?.commands,
      retries: stats?.retries,
    });
    rows.push({
      server: `Duty Ledger app (fsync=${fsync})`,
      'req/s': result.requestsPerSecond,
      'p50 ms': result.latencyMs.p50,
      'p99 ms': result.latencyMs.p99,
      '2xx': result.ok2xx,
      'non-2xx': result.non2xx,
      errors: result.errors,
      retries: stats ? `${stats.retries} / ${stats.commands}` : '?',
      'CPU µs/req': cpuMs && round((cpuMs * 1000) / result.ok2xx, 0),
    });

    if (!bareFigures) {
      const bare = await startBare('commands-http', [
        {
          method: 'POST',
          url: '/targets/:targetId/milestones',
          status: 201,
          body: sample,
          headers: { etag: '"42"' },
        },
      ]);
      try {
        if (warmup > 0)
          await autocannon({
            url: bare.url,
            connections,
            duration: warmup,
            requests: milestoneRequests(targets),
          });
        bareFigures = summarizeCannon(
          await autocannon({
            url: bare.url,
            connections,
            duration: seconds,
            requests: milestoneRequests(targets),
          }),
        );
      } finally {
        await bare.child.stop();
      }
      figures.push({
        server: 'bare-fastify',
        ...bareFigures,
        responseBytes: Buffer.byteLength(sample),
      });
    }
  }
  const bare = bareFigures!;
  rows.push({
    server: 'bare fastify, same-size body',
    'req/s': bare.requestsPerSecond,
    'p50 ms': bare.latencyMs.p50,
    'p99 ms': bare.latencyMs.p99,
    '2xx': bare.ok2xx,
    'non-2xx': bare.non2xx,
    errors: bare.errors,
  });
  for (const row of rows) {
    if (row.server === rows[rows.length - 1].server) continue;
    const ratio = round(Number(row['req/s']) / bare.requestsPerSecond, 4);
    row['app/bare'] = ratio;
    row['target ≥0.4'] = ratio >= 0.4 ? 'met' : 'MISSED';
  }
  printTable(
    `ReportMilestone over HTTP, ${connections} connections, ${seconds} s (autocannon, loopback)`,
    rows,
  );
  if (profile) {
    console.log(
      '\nProfiled run: figures include the profiler overhead and are not written to bench/results.',
    );
    return;
  }
  const appRuns = figures.filter((f) => (f as { server: string }).server === 'app') as {
    fsync: boolean;
    requestsPerSecond: number;
  }[];
  writeResults('commands-http', {
    description:
      'POST /targets/:targetId/milestones (ReportMilestone) on the real app (child process, embedded SQLite, fresh data dir, seed plan imported at start, lead tokens of each target’s lead unit, round-robin over the 39 seed targets) vs bare fastify returning a canned body of the same size. 2xx responses per second.',
    parameters: { seconds, warmupSeconds: warmup, connections, targets: targets.length },
    runs: figures,
    ratios: appRuns.map((r) => ({
      fsync: r.fsync,
      appToBare: round(r.requestsPerSecond / bare.requestsPerSecond, 4),
      target: 0.4,
      meetsTarget: r.requestsPerSecond / bare.requestsPerSecond >= 0.4,
    })),
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
