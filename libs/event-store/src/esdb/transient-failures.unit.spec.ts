import { isTransientError } from './error-translation';
import { FINAL_SERVER_FAILURES, TRANSIENT_SERVER_FAILURES } from './server-failures.testing';
import { TRANSIENT_FAILURES, transientKindOf } from './transient-failures';

describe('the table of transient failures', () => {
  it.each(TRANSIENT_SERVER_FAILURES.map(([kind, name, error]) => [name, kind, error] as const))(
    'given %s, then it is transient, of kind %s',
    (_name, kind, error) => {
      expect(transientKindOf(error)).toBe(kind);
      expect(isTransientError(error)).toBe(true);
    },
  );

  it.each(FINAL_SERVER_FAILURES)('given %s, then it is final', (_name, error) => {
    expect(transientKindOf(error)).toBeUndefined();
    expect(isTransientError(error)).toBe(false);
  });

  it('has an example failure for every row, so the table and its tests cannot drift apart', () => {
    const covered = new Set(TRANSIENT_SERVER_FAILURES.map(([kind]) => kind));
    expect(TRANSIENT_FAILURES.map((row) => row.kind).filter((kind) => !covered.has(kind))).toEqual(
      [],
    );
  });
});
