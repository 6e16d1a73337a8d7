import type { Comparator } from '@duty-ledger/domain';
import type { TargetValue } from '../shared/task-view';

export type TargetChangeKind =
  'lowered' | 'raised' | 'redefined' | 'deadline-moved' | 'owner-changed';

export const TARGET_CHANGE_KINDS: readonly TargetChangeKind[] = [
  'lowered',
  'raised',
  'redefined',
  'deadline-moved',
  'owner-changed',
];

const direction = (c: Comparator): 'up' | 'down' | 'exact' =>
  c === 'gte' || c === 'gt' ? 'up' : c === 'lte' || c === 'lt' ? 'down' : 'exact';

/**
 * Whether a change of a target's value asks more (raised) or less (lowered) of its owners. For
 * gte/gt a higher number is stricter, for lte/lt a lower one; at the same number the strict
 * comparator (gt, lt) asks more than the inclusive one. A change of measure unit, of direction
 * or of an exact (eq) target cannot be ranked: it is a redefinition. Undefined when nothing changed.
 */
export function classifyValueChange(
  before: TargetValue,
  after: TargetValue,
): TargetChangeKind | undefined {
  if (
    before.value === after.value &&
    before.comparator === after.comparator &&
    before.unit === after.unit
  )
    return undefined;
  const dir = direction(before.comparator);
  if (before.unit !== after.unit || dir !== direction(after.comparator) || dir === 'exact')
    return 'redefined';
  const strictness = (t: TargetValue) => (dir === 'up' ? t.value : -t.value);
  const strict = (c: Comparator) => (c === 'gt' || c === 'lt' ? 1 : 0);
  const delta =
    strictness(after) - strictness(before) || strict(after.comparator) - strict(before.comparator);
  return delta > 0 ? 'raised' : 'lowered';
}
