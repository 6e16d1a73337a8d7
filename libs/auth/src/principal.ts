export const ROLES = ['admin', 'supervisor', 'lead', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by a verified token. */
export interface Principal {
  readonly sub: string;
  readonly role: Role;
  /** The unit a lead acts for, exactly as named in the plan. */
  readonly unit?: string;
  readonly name?: string;
}
