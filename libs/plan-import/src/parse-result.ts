import type { PlanDraft } from './domain';

export interface ParsePlanOptions {
  /** Lower-case letters, digits and '-'; left out of the draft when not given. */
  readonly planId?: string;
  /** Overrides the title inferred from the text. */
  readonly title?: string;
  /** Overrides the year inferred from the text ("制定2024年度工作方案"). */
  readonly year?: number;
}

/** A number in a task that may be a target but was not taken as one: a person decides. */
export interface Unclassified {
  readonly taskNo: number;
  /** The sentence of the task it stands in. */
  readonly sentence: string;
  /** The number as written, with its unit when it has one: "12件". */
  readonly fragment: string;
  readonly reason: string;
}

export interface ParseResult {
  readonly plan: PlanDraft;
  readonly unclassified: Unclassified[];
  /** Things the parser noticed and worked around: a task without units, a target without a unit … */
  readonly warnings: string[];
}
