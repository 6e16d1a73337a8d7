import type { MeasureKind } from '@duty-ledger/domain';

/**
 * How a target's progress comes from the figures of its lead units: counts and sums of money add
 * up (each unit delivers its share), levels and ratios are states of one thing, so the latest
 * figure stands. Supporting units' figures are shown beside it, never counted.
 */
export type ProgressRule = 'sum' | 'latest';

export const progressRuleFor = (measure: MeasureKind): ProgressRule =>
  measure === 'count' || measure === 'money' ? 'sum' : 'latest';

/** A unit's latest figure: the report about the latest day, the later recorded on a tie. */
export interface UnitFigure {
  readonly unit: string;
  readonly value: number;
  readonly asOf: string;
  /** Recording order of the report (a correction keeps its report's place). */
  readonly order: number;
}

export interface Progress {
  readonly value: number;
  /** The latest day any counted figure is about. */
  readonly asOf: string;
}

const later = (a: UnitFigure, b: UnitFigure): boolean =>
  a.asOf > b.asOf || (a.asOf === b.asOf && a.order > b.order);

/** The latest figure of each unit among `figures`. */
export function latestByUnit(figures: Iterable<UnitFigure>): Map<string, UnitFigure> {
  const latest = new Map<string, UnitFigure>();
  for (const f of figures) {
    const held = latest.get(f.unit);
    if (!held || later(f, held)) latest.set(f.unit, f);
  }
  return latest;
}

/** The target's progress from the latest figures of its lead units; undefined before any. */
export function progressOf(
  rule: ProgressRule,
  latest: ReadonlyMap<string, UnitFigure>,
  leads: ReadonlySet<string>,
): Progress | undefined {
  const counted = [...latest.values()].filter((f) => leads.has(f.unit));
  if (counted.length === 0) return undefined;
  const asOf = counted.reduce((max, f) => (f.asOf > max ? f.asOf : max), counted[0].asOf);
  if (rule === 'sum') return { value: counted.reduce((sum, f) => sum + f.value, 0), asOf };
  const newest = counted.reduce((best, f) => (later(f, best) ? f : best));
  return { value: newest.value, asOf };
}
