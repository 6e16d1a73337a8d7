/** What every command endpoint answers (the import of a plan has its own answer). */
export interface CommandAnswer {
  readonly streamId: string;
  /** The stream revision after the command; send it as If-Match to act only on this state. */
  readonly revision: number;
  /** The global position of the last event appended; pass it as ?waitFor= on reads. */
  readonly position: string;
  readonly events: readonly { readonly type: string }[];
}
