import { ForbiddenException } from '@nestjs/common';
import type { Principal } from '@duty-ledger/auth';

/**
 * What a lead may read: its own unit's obligations and the targets its unit owns. Supervisors,
 * admins and viewers read every unit's. (Undefined principal: a module mounted without the guard,
 * as in the read side's own tests.)
 */
export function leadUnitOf(principal: Principal | undefined): string | undefined {
  return principal?.role === 'lead' ? principal.unit : undefined;
}

/** The unit a listing is filtered to: a lead's own, whatever it asked for; refused if it asked for another. */
export function unitInScope(principal: Principal | undefined, asked: string | undefined) {
  const own = leadUnitOf(principal);
  if (own === undefined) return asked;
  if (asked !== undefined && asked !== own) throw otherUnit(own);
  return own;
}

/** A lead may read a target only while its unit is among the target's owners. */
export function assertOwnsTarget(
  principal: Principal | undefined,
  owners: readonly { readonly unit: string }[],
): void {
  const own = leadUnitOf(principal);
  if (own !== undefined && !owners.some((o) => o.unit === own))
    throw new ForbiddenException(`${own}的负责人只能查看本单位承担的指标`);
}

const otherUnit = (own: string) => new ForbiddenException(`${own}的负责人只能查看本单位的履职清单`);
