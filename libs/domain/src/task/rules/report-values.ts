import { RuleViolationError } from '../../errors';
import { requireIsoDate, shanghaiDateOf } from '../../shared/dates';
import { requireFiniteNumber } from '../../shared/text-rules';
import type { TargetState } from '../task-state';

/**
 * A figure that cannot be right is refused before it reaches any view: counts, sums of money and
 * ratios are never negative, and a percentage never exceeds 100.
 */
export function requirePlausibleValue(target: TargetState, value: number): number {
  requireFiniteNumber(value, 'value');
  const { measure } = target;
  const percent = target.current.unit.trim() === '%';
  if (value < 0 && (percent || measure === 'count' || measure === 'money' || measure === 'ratio')) {
    throw new RuleViolationError(
      `value ${value} cannot be negative for ${target.metric}`,
      { field: 'value', value, measure },
      'report-value-negative',
    );
  }
  if (percent && value > 100) {
    throw new RuleViolationError(
      `value ${value} is over 100 %`,
      { field: 'value', value },
      'report-ratio-over-100',
    );
  }
  return value;
}

/**
 * The day a report is about: a calendar date, not after today (Asia/Shanghai), and not before the
 * plan's year. Plans run a calendar year and their items are due within it unless the plan says
 * otherwise, so the plan's year is the year of the item's due date as registered.
 */
export function requireReportDate(asOf: string, now: string, registeredDueDate: string): string {
  requireIsoDate(asOf, 'asOf');
  const today = shanghaiDateOf(now);
  if (asOf > today) {
    throw new RuleViolationError(
      `asOf ${asOf} is after today (${today}, Asia/Shanghai)`,
      { field: 'asOf', asOf, today },
      'report-date-in-future',
    );
  }
  const yearStart = `${registeredDueDate.slice(0, 4)}-01-01`;
  if (asOf < yearStart) {
    throw new RuleViolationError(
      `asOf ${asOf} is before the plan's year (${yearStart.slice(0, 4)})`,
      { field: 'asOf', asOf, year: Number(yearStart.slice(0, 4)) },
      'report-date-before-plan-year',
    );
  }
  return asOf;
}
