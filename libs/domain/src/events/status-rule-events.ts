/**
 * Events of the status-rules stream (`status-rules`): the rule sets status lights are computed
 * with, each in force from its recording until the next. Persisted type names never change.
 */
export interface StatusRuleSetConfigured {
  readonly type: 'StatusRuleSetConfigured';
  readonly schemaVersion: 1;
  readonly data: {
    readonly ruleSetId: string;
    /** From 2: version 1 is the built-in default. */
    readonly version: number;
    readonly parameters: {
      readonly dueSoonDays: number;
      readonly scheduleTolerance: number;
      readonly utcOffsetMinutes: number;
    };
    /** Ordered: the first rule that holds names the light; the last holds always. */
    readonly rules: readonly {
      readonly light: string;
      readonly when: readonly (readonly string[])[];
    }[];
    readonly configuredBy: string;
    readonly reason: string;
  };
}

export type StatusRuleEvent = StatusRuleSetConfigured;
