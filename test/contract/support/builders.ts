import { randomUUID } from 'node:crypto';
import type {
  EventStore,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
} from '@duty-ledger/event-store';

/** Names unique to one test, so the suite can share a never-reset server with anything else. */
export interface TestNames {
  /** Prefix of every stream the test writes; filter $all by it. */
  readonly streamPrefix: string;
  /** Prefix of every event type the test writes, for event-type filters. */
  readonly typePrefix: string;
  stream(name: string): string;
  type(name: string): string;
}

export function uniqueNames(): TestNames {
  const tag = randomUUID().replace(/-/g, '').slice(0, 12);
  const streamPrefix = `contract${tag}-`;
  const typePrefix = `Contract${tag}.`;
  return {
    streamPrefix,
    typePrefix,
    stream: (name) => `${streamPrefix}${name}`,
    type: (name) => `${typePrefix}${name}`,
  };
}

export function newEvent(
  type: string,
  data: JsonObject = {},
  options: { id?: string; metadata?: JsonObject; schemaVersion?: number } = {},
): NewEvent {
  return {
    id: options.id ?? randomUUID(),
    type,
    schemaVersion: options.schemaVersion ?? 1,
    data,
    metadata: options.metadata ?? {},
  };
}

/** `count` events of one type whose data records their index. */
export function newEvents(type: string, count: number): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { index }));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Everything in $all under the test's stream prefix. */
export function readAllOf(
  store: EventStore,
  names: TestNames,
  options: ReadAllOptions = {},
): Promise<RecordedEvent[]> {
  return collect(
    store.readAll({
      ...options,
      filter: { streamNamePrefixes: [names.streamPrefix], ...options.filter },
    }),
  );
}

export const idsOf = (events: readonly { id?: string }[]): (string | undefined)[] =>
  events.map((event) => event.id);
export const revisionsOf = (events: readonly RecordedEvent[]): number[] =>
  events.map((event) => event.revision);

/** True when every position is strictly greater than the one before (compared as (commit, prepare)). */
export function strictlyIncreasing(events: readonly RecordedEvent[]): boolean {
  return events.every((event, index) => {
    if (index === 0) return true;
    const before = events[index - 1].position;
    const here = event.position;
    return (
      here.commit > before.commit ||
      (here.commit === before.commit && here.prepare > before.prepare)
    );
  });
}
