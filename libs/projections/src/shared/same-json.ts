/**
 * Whether two plain values (objects, arrays, strings, numbers, booleans, null, undefined) have the
 * same JSON text, without building it: the read models compare states this way on every event and
 * only serialise what they store. Same rules as JSON.stringify: key order counts, object keys whose
 * value is undefined do not exist, undefined in an array is null, a non-finite number is null.
 * Values with a toJSON method are compared through JSON.stringify.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return JSON.stringify(a) === JSON.stringify(b);
  if (hasToJson(a) || hasToJson(b)) return JSON.stringify(a) === JSON.stringify(b);
  const arrays = Array.isArray(a);
  if (arrays !== Array.isArray(b)) return false;
  if (arrays) return sameArrays(a as unknown[], b as unknown[]);
  return sameObjects(a as Record<string, unknown>, b as Record<string, unknown>);
}

const hasToJson = (value: object): boolean =>
  typeof (value as { toJSON?: unknown }).toJSON === 'function';

const inArray = (value: unknown): unknown => (value === undefined ? null : value);

function sameArrays(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (!sameJson(inArray(a[i]), inArray(b[i]))) return false;
  return true;
}

function sameObjects(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i += 1) {
    const key = keysA[i];
    if (key !== keysB[i] || !sameJson(a[key], b[key])) return false;
  }
  return true;
}
