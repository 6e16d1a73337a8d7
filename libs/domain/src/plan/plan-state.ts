import type { PlanRegistered } from '../events/plan-events';

export type RegisteredPlan = { readonly status: 'registered' } & PlanRegistered['data'] & {
    /** Set once the plan was withdrawn. */
    readonly withdrawal?: { readonly reason: string; readonly withdrawnBy: string };
  };

export type PlanState = { readonly status: 'none' } | RegisteredPlan;

export const initialPlanState = (): PlanState => ({ status: 'none' });
