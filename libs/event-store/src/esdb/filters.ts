import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
} from '@eventstore/db-client';
import type { AllFilter } from '../port/event-store.port';

/**
 * How an AllFilter runs against EventStoreDB. The server applies one expression per read, on
 * either the stream name or the event type, so it gets the most selective part; `accepts` then
 * checks every rule on the client: the other prefix list, and the exclusion of system events
 * (type or stream starting with '$') that the server-side filter may have let through.
 */
export interface AllFilterPlan {
  readonly server: Filter;
  accepts(event: EventIdentity): boolean;
}

/** What the rules look at; checked before an event is decoded, as system events need not be JSON. */
export interface EventIdentity {
  readonly type: string;
  readonly streamId: string;
}

/**
 * `ownedStreamPrefixes` are the streams the application owns in a $all it shares with system
 * streams and other producers: every $all read and subscription is narrowed to them.
 */
export function planAllFilter(
  filter: AllFilter = {},
  ownedStreamPrefixes?: readonly string[],
): AllFilterPlan {
  const { eventTypePrefixes } = filter;
  const streamNamePrefixes = narrowPrefixes(filter.streamNamePrefixes, ownedStreamPrefixes);
  const server = streamNamePrefixes
    ? streamNameFilter({ prefixes: [...streamNamePrefixes] })
    : eventTypePrefixes
      ? eventTypeFilter({ prefixes: [...eventTypePrefixes] })
      : excludeSystemEvents();
  return {
    server,
    accepts: (event) =>
      !isSystemEvent(event) &&
      matchesPrefix(event.streamId, streamNamePrefixes) &&
      matchesPrefix(event.type, eventTypePrefixes),
  };
}

export function isSystemEvent(event: EventIdentity): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** A missing list does not filter; an empty one matches nothing, as in EventStoreDB's EventFilter. */
function matchesPrefix(value: string, prefixes: readonly string[] | undefined): boolean {
  return !prefixes || prefixes.some((prefix) => value.startsWith(prefix));
}

/**
 * The prefixes matching what both lists match: a prefix of one list is kept where it lies within a
 * prefix of the other ('plan-' within 'plan'), so the result is the narrower of each pair.
 */
export function narrowPrefixes(
  wanted: readonly string[] | undefined,
  owned: readonly string[] | undefined,
): readonly string[] | undefined {
  if (!owned) return wanted;
  if (!wanted) return owned;
  const within = (inner: readonly string[], outer: readonly string[]) =>
    inner.filter((prefix) => outer.some((wider) => prefix.startsWith(wider)));
  return [...new Set([...within(wanted, owned), ...within(owned, wanted)])];
}
