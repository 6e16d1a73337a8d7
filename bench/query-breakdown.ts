/**
 * node scripts/run.js bench/query-breakdown.js [--events 1000000 --seed 2024 --repeat 20]
 *
 * Where the time of the read endpoints goes, without HTTP: each query function of
 * @duty-ledger/projections called directly on the projected SYNTHETIC read models (read-only),
 * split into the SQL alone (same statement, rows fetched), the whole query function, and
 * JSON.stringify of its answer. Median of --repeat calls after 3 warm-up calls.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { dashboardSummary, targetHistory, unitObligations } from '@duty-ledger/projections';
import { ensureProjectedDataset, READ_MODELS_FILE } from './lib/projected';
import { numberArg, parseArgs, printTable, resultName, writeResults } from './lib/report';
import { median, round } from './lib/stats';
import { DEFAULT_EVENTS, DEFAULT_SEED } from './workload/dataset';

function time(repeat: number, work: () => unknown): { ms: number; result: unknown } {
  let result: unknown;
  for (let i = 0; i < 3; i++) result = work();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    result = work();
    samples.push(performance.now() - t0);
  }
  return { ms: round(median(samples), 3), result };
}

async function main(): Promise<void> {
  const args = parseArgs();
  const events = numberArg(args, 'events', DEFAULT_EVENTS);
  const seed = numberArg(args, 'seed', DEFAULT_SEED);
  const repeat = numberArg(args, 'repeat', 20);
  const { dir, manifest } = await ensureProjectedDataset(events, seed);
  const db = new Database(join(dir, READ_MODELS_FILE), { readonly: true });
  const unit = manifest.samples.busiestUnits[0] ?? manifest.samples.unit;
  const targetId = manifest.samples.revisedTargetId ?? manifest.samples.targetId;
  const now = new Date().toISOString();
  const rows = [];

  // Obligations: the SQL's join alone, then with the latest-report subquery and the ORDER BY.
  const join1 = db.prepare(
    `SELECT o.unit, o.item_id FROM ob_obligations o JOIN ob_items i ON i.item_id = o.item_id AND i.valid_from <= @asOf AND i.valid_to > @asOf
     WHERE o.valid_from <= @asOf AND o.valid_to > @asOf AND o.unit = @unit`,
  );
  const withReport = db.prepare(
    `SELECT o.unit, i.item_id, (SELECT json_object('value', r.value, 'asOf', r.as_of_date) FROM ob_reports r INDEXED BY ob_reports_latest
       WHERE r.target_id = i.target_id AND r.recorded_at <= @asOf ORDER BY r.as_of_date DESC, r.seq DESC LIMIT 1) AS latest
     FROM ob_obligations o JOIN ob_items i ON i.item_id = o.item_id AND i.valid_from <= @asOf AND i.valid_to > @asOf
     WHERE o.valid_from <= @asOf AND o.valid_to > @asOf AND o.unit = @unit
     ORDER BY i.due_date, i.plan_id, i.task_no, i.item_id, o.role, o.unit`,
  );
  const plan = (
    join1.source ? db.prepare(`EXPLAIN QUERY PLAN ${join1.source}`).all({ asOf: now, unit }) : []
  ) as { detail: string }[];
  for (const [label, asOf] of [
    ['now', now],
    ['asOf 2024-07-01', manifest.samples.asOf],
  ] as const) {
    const sqlJoin = time(repeat, () => join1.all({ asOf, unit }));
    const sqlFull = time(repeat, () => withReport.all({ asOf, unit }));
    const fn = time(repeat, () => unitObligations(db, unit, { asOf }));
    const items = fn.result as unknown[];
    const json = time(repeat, () => JSON.stringify({ unit, asOf, items }));
    rows.push({
      query: `unit obligations (${label})`,
      rows: items.length,
      'SQL join ms': sqlJoin.ms,
      'SQL + latest report + order ms': sqlFull.ms,
      'query function ms': fn.ms,
      'JSON.stringify ms': json.ms,
      bytes: (json.result as string).length,
    });
  }
  const dash = time(repeat, () => dashboardSummary(db, manifest.samples.planId, { asOf: now }));
  const dashJson = time(repeat, () => JSON.stringify(dash.result));
  rows.push({
    query: 'dashboard summary',
    'query function ms': dash.ms,
    'JSON.stringify ms': dashJson.ms,
    bytes: (dashJson.result as string).length,
  });
  const hist = time(repeat, () => targetHistory(db, targetId, { asOf: now }));
  const histJson = time(repeat, () => JSON.stringify(hist.result));
  rows.push({
    query: 'target history',
    rows: (hist.result as unknown[] | undefined)?.length,
    'query function ms': hist.ms,
    'JSON.stringify ms': histJson.ms,
    bytes: (histJson.result as string).length,
  });
  db.close();
  printTable(
    `Query breakdown on ${manifest.eventsInStore.toLocaleString('en-US')} SYNTHETIC events (median of ${repeat})`,
    rows,
  );
  console.log(`\nplan of the obligations join: ${plan.map((p) => p.detail).join(' | ')}`);
  writeResults(resultName('query-breakdown', events), {
    label: 'SYNTHETIC',
    description:
      'Query functions of @duty-ledger/projections called directly (no HTTP) on the projected read models; SQL alone vs the whole function vs JSON.stringify.',
    events: manifest.eventsInStore,
    unit,
    targetId,
    planId: manifest.samples.planId,
    rows,
    obligationsJoinPlan: plan.map((p) => p.detail),
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
