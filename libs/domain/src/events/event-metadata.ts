/** Who acted, as the authenticated token says. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** The unit (department) a lead acts for, as named in the plan. */
  readonly unit?: string;
  readonly name?: string;
}

export type Role = 'admin' | 'supervisor' | 'lead' | 'viewer';

/**
 * Carried by every event. Time is explicit: `occurredAt` is when the act happened (from the
 * command), `recordedAt` when the system recorded it (from the injected clock at append).
 */
export interface EventMetadata {
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** ISO-8601 instant. */
  readonly occurredAt: string;
  /** ISO-8601 instant. */
  readonly recordedAt: string;
  readonly [key: string]: unknown;
}
