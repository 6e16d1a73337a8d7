import { RuleViolationError } from '../errors';

/** A reason, unit name or evidence entry: blank text says nothing, so it is refused. */
export function requireText(value: string | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RuleViolationError(`${field} must not be empty`, { field }, 'field-required');
  }
  return value;
}

export function requireEvidence(
  evidence: readonly string[] | undefined,
  required: boolean,
): readonly string[] {
  const list = evidence ?? [];
  if (required && list.length === 0) {
    throw new RuleViolationError(
      'evidence must name at least one item',
      { field: 'evidence' },
      'evidence-required',
    );
  }
  list.forEach((item, i) => requireText(item, `evidence[${i}]`));
  return list;
}

export function requireFiniteNumber(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RuleViolationError(
      `${field} must be a finite number`,
      { field, [field]: value },
      'number-invalid',
    );
  }
  return value;
}

/** Drops keys whose value is undefined, so stored events carry no empty fields. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
