import type { StatusRuleSet } from '../status/rule-set';

export interface ProjectionsConfig {
  /** The read-model database is `<dataDir>/read-models.sqlite`. */
  readonly dataDir: string;
  /** Overrides the file (`:memory:` for tests). */
  readonly databasePath?: string;
  /** The status lights; default DEFAULT_RULE_SET. */
  readonly ruleSet?: StatusRuleSet;
  /** How long `waitFor=<position>` waits before answering 503 (default 5000 ms). */
  readonly waitForTimeoutMs?: number;
  /** Events per read-model transaction (default 500). */
  readonly batchSize?: number;
}

/** DI token of the ProjectionsConfig. */
export const PROJECTIONS_CONFIG = Symbol('PROJECTIONS_CONFIG');

/** DI token of the read-model database (a better-sqlite3 Database). */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');

export const DEFAULT_WAIT_FOR_TIMEOUT_MS = 5000;
