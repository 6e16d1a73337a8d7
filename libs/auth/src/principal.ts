import type { Role } from '@duty-ledger/domain';

export type { Role };
export const ROLES = ['admin', 'supervisor', 'lead', 'viewer'] as const satisfies readonly Role[];

/** Who is calling, as proven by a verified token. */
export interface Principal {
  readonly sub: string;
  readonly role: Role;
  /** The unit a lead acts for, exactly as named in the plan. */
  readonly unit?: string;
  readonly name?: string;
}
