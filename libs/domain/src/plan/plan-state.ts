import type { PlanRegistered } from '../events/plan-events';

export type RegisteredPlan = { readonly status: 'registered' } & PlanRegistered['data'];

export type PlanState = { readonly status: 'none' } | RegisteredPlan;

export const initialPlanState = (): PlanState => ({ status: 'none' });
