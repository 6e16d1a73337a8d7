import type { Comparator, MeasureKind, TargetKind } from './target-terms';

/**
 * A plan as structured from its text (or sent as JSON): the input of ImportPlan. Collective
 * unit names (各街镇, 各相关单位) stay groups here; ImportPlan expands them through the unit
 * registry, so the draft records what the text said.
 */
export interface PlanDraft {
  /** Stable id; generated on import when absent. Lower-case letters, digits and '-'. */
  readonly planId?: string;
  readonly title: string;
  readonly year: number;
  /** YYYY-MM-DD; by convention the end of the plan year. */
  readonly dueDate: string;
  readonly sections: readonly SectionDraft[];
  /** The 文号 of the notice that published the plan (蔡政办〔2023〕1号), when the text shows it. */
  readonly noticeRef?: string;
}

export interface SectionDraft {
  /** The numeral as written: 二, 三 … */
  readonly no: string;
  readonly title: string;
  readonly tasks: readonly TaskDraft[];
}

export interface TaskDraft {
  readonly no: number;
  readonly title: string;
  readonly body: string;
  /** Defaults to the plan's due date. */
  readonly dueDate?: string;
  readonly leads: readonly UnitRef[];
  readonly supporting: readonly UnitRef[];
  readonly targets: readonly TargetDraft[];
  /** The headings above the task, outermost first (section → sub-section), without numerals. */
  readonly sectionPath?: readonly string[];
}

export interface UnitRef {
  readonly name: string;
  /** True for a collective name standing for several units (各街镇, 各相关单位). */
  readonly group?: boolean;
}

export interface TargetDraft {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly comparator: Comparator;
  /** The text says 左右 (about): the value is approximate, the comparator 'eq'. */
  readonly approximate?: boolean;
  readonly kind: TargetKind;
  readonly measure: MeasureKind;
  readonly dueDate?: string;
  readonly sourceText: string;
  readonly baseline?: { readonly value: number; readonly date?: string };
}

/** Which units a collective name stands for. A group with no members stays a placeholder. */
export interface UnitRegistry {
  readonly units: readonly string[];
  readonly groups: Readonly<Record<string, readonly string[]>>;
}
