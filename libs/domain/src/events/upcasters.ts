import type { PlanEvent } from './plan-events';
import type { TaskEvent } from './task-events';

/** One step of an event type's data from schema version `fromVersion` to `fromVersion + 1`. */
export interface UpcastStep {
  readonly type: PlanEvent['type'] | TaskEvent['type'];
  readonly fromVersion: number;
  readonly upcast: (data: { readonly [key: string]: unknown }) => { [key: string]: unknown };
}

/**
 * Version 2 only added optional fields the plan text parser recognises; a version 1 event simply
 * lacks them, so its data reads unchanged as version 2.
 */
const addsOnlyOptionalFields = (data: { readonly [key: string]: unknown }) => ({ ...data });

/**
 * Every step from a released schema version to the current one. Stores are given these on open,
 * so each reader (decider, projections, CLI) sees the current version of every event.
 */
export const DOMAIN_UPCAST_STEPS: readonly UpcastStep[] = [
  { type: 'PlanRegistered', fromVersion: 1, upcast: addsOnlyOptionalFields },
  { type: 'TaskRegistered', fromVersion: 1, upcast: addsOnlyOptionalFields },
  { type: 'TargetRegistered', fromVersion: 1, upcast: addsOnlyOptionalFields },
];
