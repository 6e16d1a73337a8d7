/**
 * A place in the global log ($all). Mirrors EventStoreDB's transaction-file position: a pair of
 * commit and prepare offsets compared as a pair. The embedded store uses commit = prepare = its
 * global sequence number. Positions strictly increase but need not be contiguous.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START: unique symbol = Symbol('start');
export const END: unique symbol = Symbol('end');

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/**
 * Text form used over HTTP (JSON cannot carry bigints): "C" when commit = prepare, which is
 * always the case for our writes, otherwise "C/P".
 */
export function formatPosition(p: Position): string {
  return p.commit === p.prepare ? p.commit.toString() : `${p.commit}/${p.prepare}`;
}

export function parsePosition(text: string): Position | undefined {
  const m = /^(\d{1,20})(?:\/(\d{1,20}))?$/.exec(text.trim());
  if (!m) return undefined;
  const commit = BigInt(m[1]);
  const prepare = m[2] === undefined ? commit : BigInt(m[2]);
  return { commit, prepare };
}
