import type { Position as ClientPosition, ReadPosition } from '@eventstore/db-client';
import { END, START, type Position } from '../port/position';

/** Both halves are kept as they are: EventStoreDB compares positions as (commit, prepare) pairs. */
export function fromClientPosition(position: ClientPosition): Position {
  return { commit: position.commit, prepare: position.prepare };
}

export function toClientPosition(position: Position): ClientPosition {
  return { commit: position.commit, prepare: position.prepare };
}

export function toClientReadPosition(from: Position | typeof START | typeof END): ReadPosition {
  if (from === START) return 'start';
  if (from === END) return 'end';
  return toClientPosition(from);
}
