import type Database from 'better-sqlite3';
import type { StatusRuleSetConfigured } from '@duty-ledger/domain';
import { dropTables, type Projection, type ProjectionEvent } from '../runner/projection';
import { prepared } from '../shared/statement-cache';
import type { StatusRuleSet } from './rule-set';

/** The rule sets configured for status lights, each in force from its recording (`valid_from`). */
const RULE_SETS = 'sr_rule_sets';

class StatusRulesWriter {
  private readonly insert: Database.Statement<[number, string, string]>;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT OR REPLACE INTO ${RULE_SETS} (version, rule_set, valid_from) VALUES (?, ?, ?)`,
    );
  }

  apply({ event, at }: ProjectionEvent): void {
    if (event.type !== 'StatusRuleSetConfigured') return;
    const d = event.data as unknown as StatusRuleSetConfigured['data'];
    const ruleSet: StatusRuleSet = {
      id: d.ruleSetId,
      version: d.version,
      parameters: d.parameters,
      rules: d.rules as StatusRuleSet['rules'],
    };
    this.insert.run(d.version, JSON.stringify(ruleSet), at);
  }
}

export const statusRulesProjection: Projection = {
  name: 'status-rules',
  version: 1,
  setUp: (db) =>
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${RULE_SETS} (version INTEGER PRIMARY KEY, rule_set TEXT NOT NULL, valid_from TEXT NOT NULL)`,
    ),
  tearDown: (db) => dropTables(db, [RULE_SETS]),
  open: (db) => new StatusRulesWriter(db),
};

/** Parsed once per version: a compiled rule set is cached by object identity (status-light). */
const parsed = new WeakMap<Database.Database, Map<number, StatusRuleSet>>();

/** The rule set in force at `asOf`: the last configured by then, else `fallback` (the default). */
export function ruleSetAt(
  db: Database.Database,
  asOf: string,
  fallback: StatusRuleSet,
): StatusRuleSet {
  const row = prepared<[string], { version: number; rule_set: string }>(
    db,
    `SELECT version, rule_set FROM ${RULE_SETS} WHERE valid_from <= ? ORDER BY valid_from DESC, version DESC LIMIT 1`,
  ).get(asOf);
  if (!row) return fallback;
  let byVersion = parsed.get(db);
  if (!byVersion) parsed.set(db, (byVersion = new Map()));
  let ruleSet = byVersion.get(row.version);
  if (!ruleSet) byVersion.set(row.version, (ruleSet = JSON.parse(row.rule_set) as StatusRuleSet));
  return ruleSet;
}
