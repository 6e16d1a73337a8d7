import type { Position } from './position';

/** JSON that can be stored. Data and metadata are always JSON objects. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };
export type JsonObject = { [key: string]: JsonValue | undefined };

/** An event as handed to append. */
export interface NewEvent<
  Type extends string = string,
  Data extends JsonObject = JsonObject,
  Meta extends JsonObject = JsonObject,
> {
  /** A uuid. Given by the caller to make retries idempotent; generated when absent. */
  readonly id?: string;
  readonly type: Type;
  /** Schema version of `data`, 1 for the first release of a type. */
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata?: Meta;
}

/** An event as read back from the store. */
export interface RecordedEvent<
  Type extends string = string,
  Data extends JsonObject = JsonObject,
  Meta extends JsonObject = JsonObject,
> {
  readonly id: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: Meta;
  readonly streamId: string;
  /** 0-based revision of the event within its stream. */
  readonly revision: number;
  /** Position of the event in $all. */
  readonly position: Position;
  /** When the store recorded the event. */
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** The revision of the stream's last event after the append: pass it as the next expected revision. */
  readonly nextExpectedRevision: number;
  /** Position of the last event written (or, for an idempotent retry, of the last one already stored). */
  readonly position: Position;
}
