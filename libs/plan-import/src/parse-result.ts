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

export interface TargetReview {
  readonly sourceText: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly comparator: string;
  readonly approximate?: boolean;
  readonly dueDate?: string;
}

/** What the parser recognised in one task and what it did not: for a person to check. */
export interface TaskReview {
  readonly no: number;
  readonly title: string;
  readonly sectionPath: readonly string[];
  readonly leads: readonly string[];
  readonly supporting: readonly string[];
  /** Collective names among leads and supporting (各街镇, 市直有关部门): the registry expands them. */
  readonly groups: readonly string[];
  /** Each target taken, with the text it came from; approximate when the text says 左右. */
  readonly targets: readonly TargetReview[];
  readonly dueDate?: string;
  /** Sentences in the annotation that name no unit, and table fields (责任领导, 完成时限). */
  readonly notes: readonly string[];
  /** Numbers that may be targets but were not taken, with why. */
  readonly unrecognised: readonly string[];
  readonly warnings: readonly string[];
  /** True when the task has no lead, or anything above needs a person's decision. */
  readonly needsReview: boolean;
}

export interface ParseResult {
  readonly plan: PlanDraft;
  readonly unclassified: Unclassified[];
  /** Things the parser noticed and worked around: a task without units, a target without a unit … */
  readonly warnings: string[];
  /** Per task, in order: what was recognised and what was not. */
  readonly review: TaskReview[];
}
