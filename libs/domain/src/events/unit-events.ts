/**
 * Events of the unit registry stream (`unit-registry`): the units an admin added to those the
 * seed registry names. Persisted type names are explicit strings and never change.
 */
export interface UnitAdded {
  readonly type: 'UnitAdded';
  readonly schemaVersion: 1;
  readonly data: {
    /** As plans and tokens name it, e.g. 区数据局. */
    readonly name: string;
    readonly addedBy: string;
    readonly reason?: string;
  };
}

export type UnitEvent = UnitAdded;
