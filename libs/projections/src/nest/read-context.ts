import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { DEFAULT_RULE_SET, lightsOf, type StatusRuleSet } from '../status/rule-set';
import { ruleSetAt } from '../status/status-rules.projection';
import { asOfInstant } from '../shared/time';
import { PROJECTIONS_CONFIG, READ_MODEL_DB, type ProjectionsConfig } from './projections.config';

/** What every read endpoint needs: the database, the rule set, and "now" from the injected clock. */
@Injectable()
export class ReadContext {
  /** The rule set in force until an admin configures one (status-rules stream). */
  private readonly defaultRuleSet: StatusRuleSet;

  constructor(
    @Inject(READ_MODEL_DB) readonly db: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTIONS_CONFIG) config: ProjectionsConfig,
  ) {
    this.defaultRuleSet = config.ruleSet ?? DEFAULT_RULE_SET;
  }

  /** The instant asked about, or now. */
  asOf(asOf: string | undefined): string {
    return asOf === undefined ? this.clock.now().toISOString() : asOfInstant(asOf);
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  /** The rule set in force at an instant: a view as of T uses the rules in force at T. */
  ruleSetAt(asOf: string): StatusRuleSet {
    return ruleSetAt(this.db, asOf, this.defaultRuleSet);
  }

  /** A light name must be one the rule set in force at `asOf` gives. */
  status(status: string | undefined, asOf: string): string | undefined {
    const lights = lightsOf(this.ruleSetAt(asOf));
    if (status !== undefined && !lights.includes(status)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `status: must be one of ${lights.join(', ')}`,
      });
    }
    return status;
  }
}
