import {
  evolveUser,
  initialUserState,
  USER_EVENT_TYPES,
  USER_STREAM_PREFIX,
  userStreamId,
  type ExistingUser,
  type Role,
  type UserEvent,
  type UserState,
} from '@duty-ledger/domain';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@duty-ledger/event-store';

/** A user as the admin pages and `user list` show them; never anything secret. */
export interface UserView {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly unit?: string;
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
  /** The last change of name, role, unit or enabled state, password changes aside. */
  readonly changedAt: string;
  readonly changedBy: string;
}

/** One entry of a user's record: what changed, when, by whom. */
export interface UserHistoryEntry {
  readonly type: UserEvent['type'];
  readonly data: UserEvent['data'];
  readonly recordedAt: string;
  readonly by: { readonly id: string; readonly name?: string; readonly role?: string };
}

const KNOWN: ReadonlySet<string> = new Set(USER_EVENT_TYPES);

function asUserEvent(recorded: RecordedEvent): UserEvent | undefined {
  if (!KNOWN.has(recorded.type)) return undefined;
  return {
    type: recorded.type,
    schemaVersion: recorded.schemaVersion,
    data: recorded.data,
  } as UserEvent;
}

/** When the application recorded the event (its clock, as every as-of query reads it). */
function recordedAtOf(recorded: RecordedEvent): string {
  const stamped = (recorded.metadata as { recordedAt?: unknown }).recordedAt;
  return typeof stamped === 'string' ? stamped : recorded.recordedAt.toISOString();
}

function actorOf(recorded: RecordedEvent): UserHistoryEntry['by'] {
  const actor = (recorded.metadata as { actor?: { id?: unknown; name?: unknown; role?: unknown } })
    .actor;
  return {
    id: typeof actor?.id === 'string' ? actor.id : 'unknown',
    ...(typeof actor?.name === 'string' ? { name: actor.name } : {}),
    ...(typeof actor?.role === 'string' ? { role: actor.role } : {}),
  };
}

/** The user's current state, read from their stream (so every replica agrees at once). */
export async function readUser(
  store: EventStore,
  userId: string,
): Promise<ExistingUser | undefined> {
  let state: UserState = initialUserState();
  try {
    for await (const recorded of store.readStream(userStreamId(userId))) {
      const event = asUserEvent(recorded);
      if (event) state = evolveUser(state, event);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  return state.status === 'none' ? undefined : state;
}

/** A user's record, oldest first, up to `asOf` (inclusive) when given; undefined for no such user. */
export async function userHistory(
  store: EventStore,
  userId: string,
  asOf?: string,
): Promise<UserHistoryEntry[] | undefined> {
  const entries: UserHistoryEntry[] = [];
  try {
    for await (const recorded of store.readStream(userStreamId(userId))) {
      const event = asUserEvent(recorded);
      const recordedAt = recordedAtOf(recorded);
      if (!event || (asOf !== undefined && recordedAt > asOf)) continue;
      entries.push({ type: event.type, data: event.data, recordedAt, by: actorOf(recorded) });
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  return entries.length > 0 ? entries : undefined;
}

interface Folding {
  state: UserState;
  createdAt: string;
  createdBy: string;
  changedAt: string;
  changedBy: string;
}

/** Folds user streams' events, in log order, into the views of their users. */
class UserViews {
  private readonly users = new Map<string, Folding>();

  constructor(private readonly asOf: string | undefined) {}

  apply(recorded: RecordedEvent): void {
    const event = asUserEvent(recorded);
    const recordedAt = recordedAtOf(recorded);
    if (!event || (this.asOf !== undefined && recordedAt > this.asOf)) return;
    const by = actorOf(recorded).id;
    const folding = this.users.get(recorded.streamId) ?? {
      state: initialUserState(),
      createdAt: recordedAt,
      createdBy: by,
      changedAt: recordedAt,
      changedBy: by,
    };
    folding.state = evolveUser(folding.state, event);
    if (event.type !== 'UserPasswordChanged') {
      folding.changedAt = recordedAt;
      folding.changedBy = by;
    }
    this.users.set(recorded.streamId, folding);
  }

  views(): UserView[] {
    return [...this.users.values()]
      .flatMap(({ state, ...times }): UserView[] =>
        state.status === 'none'
          ? []
          : [
              {
                id: state.userId,
                name: state.name,
                role: state.role,
                ...(state.unit !== undefined ? { unit: state.unit } : {}),
                enabled: state.status === 'enabled',
                ...times,
              },
            ],
      )
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/**
 * Every user as recorded by `asOf` (ISO instant; now when absent), ordered by id. Reads the user
 * streams from the log: admins list users rarely and there are few of them, so no read model.
 */
export async function listUsers(store: EventStore, asOf?: string): Promise<UserView[]> {
  const views = new UserViews(asOf);
  for await (const recorded of store.readAll({
    filter: { streamNamePrefixes: [USER_STREAM_PREFIX] },
  }))
    views.apply(recorded);
  return views.views();
}

/** One user's view, from their stream alone; undefined for no such user. */
export async function viewOfUser(store: EventStore, userId: string): Promise<UserView | undefined> {
  const views = new UserViews(undefined);
  try {
    for await (const recorded of store.readStream(userStreamId(userId))) views.apply(recorded);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return views.views()[0];
}
