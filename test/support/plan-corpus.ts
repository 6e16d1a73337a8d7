import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The corpus of published plan excerpts (test/fixtures/plans): each NN-name.txt beside its
 * source (NN-name.source.md) and the structure a person read from it (NN-name.expected.json).
 */
export const CORPUS_DIR = join(__dirname, '../fixtures/plans');

export interface ExpectedTarget {
  readonly value: number;
  readonly unit: string;
  readonly comparator: string;
  readonly approximate?: boolean;
  /** When given, the parsed metric must equal it. */
  readonly metric?: string;
  readonly dueDate?: string;
}

export interface ExpectedTask {
  /** Headings above the task, outermost first, without their numerals. */
  readonly sectionPath: readonly string[];
  readonly titleStartsWith?: string;
  readonly leads: readonly string[];
  readonly supporting: readonly string[];
  /** Names among leads and supporting that stand for several units. */
  readonly groups?: readonly string[];
  readonly dueDate?: string;
  readonly targets: readonly ExpectedTarget[];
}

export interface ExpectedPlan {
  readonly title: string;
  readonly year: number;
  /** The 文号 of the notice that published the plan, null when the excerpt shows none. */
  readonly noticeRef: string | null;
  /** True when no task names an owner: the text alone must not be registered. */
  readonly ownerless?: boolean;
  readonly tasks: readonly ExpectedTask[];
}

export interface CorpusPlan {
  readonly name: string;
  readonly text: string;
  readonly source: string;
  readonly expected: ExpectedPlan;
}

export function readCorpus(): CorpusPlan[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.txt'.length);
      const read = (suffix: string) => readFileSync(join(CORPUS_DIR, name + suffix), 'utf8');
      return {
        name,
        text: read('.txt'),
        source: read('.source.md'),
        expected: JSON.parse(read('.expected.json')) as ExpectedPlan,
      };
    });
}

/** What a parsed or imported plan says about one task, in the terms the corpus compares. */
export interface ObservedTask {
  readonly title: string;
  readonly sectionPath?: readonly string[];
  readonly leads: readonly string[];
  readonly supporting: readonly string[];
  readonly targets: readonly {
    readonly value: number;
    readonly unit: string;
    readonly comparator: string;
    readonly approximate?: boolean;
    readonly metric: string;
    readonly dueDate?: string;
  }[];
}

export interface Score {
  readonly tasks: [right: number, of: number];
  readonly units: [right: number, of: number];
  readonly targets: [right: number, of: number];
}

/**
 * How much of the hand-made answer a reading got right, task by task in order: a task is right
 * when it is there with the expected title; a unit when it is named in the same role of the same
 * task; a target when the task's target at the same place has the expected value, unit,
 * comparator, approximation, due date and (when the answer gives one) metric.
 */
export function scoreAgainst(expected: ExpectedPlan, observed: readonly ObservedTask[]): Score {
  let tasks = 0;
  let units = 0;
  let unitsOf = 0;
  let targets = 0;
  let targetsOf = 0;
  expected.tasks.forEach((want, i) => {
    const got = observed[i];
    unitsOf += want.leads.length + want.supporting.length;
    targetsOf += want.targets.length;
    if (!got) return;
    if (!want.titleStartsWith || got.title.startsWith(want.titleStartsWith)) tasks++;
    units += want.leads.filter((u) => got.leads.includes(u)).length;
    units += want.supporting.filter((u) => got.supporting.includes(u)).length;
    want.targets.forEach((t, j) => {
      const g = got.targets[j];
      if (
        g &&
        g.value === t.value &&
        g.unit === t.unit &&
        g.comparator === t.comparator &&
        Boolean(g.approximate) === Boolean(t.approximate) &&
        (t.metric === undefined || g.metric === t.metric) &&
        (g.dueDate ?? undefined) === t.dueDate
      ) {
        targets++;
      }
    });
  });
  return {
    tasks: [tasks, expected.tasks.length],
    units: [units, unitsOf],
    targets: [targets, targetsOf],
  };
}
