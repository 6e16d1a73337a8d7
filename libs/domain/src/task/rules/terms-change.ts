import type { TargetTermsChange } from '../../events/task-events';
import { RuleViolationError } from '../../errors';
import type { Comparator } from '../../model/target-terms';
import { requireIsoDate } from '../../shared/dates';
import { requireFiniteNumber, requireText } from '../../shared/text-rules';
import type { TargetTerms } from '../task-state';

const COMPARATORS: readonly Comparator[] = ['gte', 'gt', 'lte', 'lt', 'eq'];
const FIELDS = ['value', 'comparator', 'unit', 'dueDate'] as const;

export interface TermsDiff {
  readonly before: TargetTermsChange;
  readonly after: TargetTermsChange;
}

/**
 * The fields of `changes` that differ from `current`, with their old values. A revision that
 * changes nothing is refused: it would reopen acknowledgements for no reason.
 */
export function diffTerms(current: TargetTerms, changes: TargetTermsChange): TermsDiff {
  validateChanges(changes);
  const changed = FIELDS.filter((f) => changes[f] !== undefined && changes[f] !== current[f]);
  if (changed.length === 0) {
    throw new RuleViolationError(
      'the revision changes nothing',
      { changes },
      'revision-changes-nothing',
    );
  }
  const pick = (terms: TargetTermsChange) =>
    Object.fromEntries(changed.map((f) => [f, terms[f]])) as TargetTermsChange;
  return { before: pick(current), after: pick(changes) };
}

function validateChanges(changes: TargetTermsChange): void {
  if (changes.value !== undefined) requireFiniteNumber(changes.value, 'value');
  if (changes.comparator !== undefined && !COMPARATORS.includes(changes.comparator)) {
    throw new RuleViolationError(
      `comparator must be one of ${COMPARATORS.join(', ')}`,
      { field: 'comparator', comparator: changes.comparator },
      'comparator-invalid',
    );
  }
  if (changes.unit !== undefined) requireText(changes.unit, 'unit');
  if (changes.dueDate !== undefined) requireIsoDate(changes.dueDate, 'dueDate');
}
