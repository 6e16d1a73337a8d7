import type { Actor } from '../events/event-metadata';

/** What every command carries besides its data. Time and ids come in here, never from a clock. */
export interface CommandMetadata {
  readonly actor: Actor;
  /** ISO-8601 instant at which the command was sent. */
  readonly now: string;
  readonly commandId: string;
}

export interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}
