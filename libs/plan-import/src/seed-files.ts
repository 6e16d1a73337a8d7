import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDraft, UnitRegistry } from './domain';

/** File names in the seeds folder. The parser itself does no I/O; this is for callers. */
export const SEED_PLAN_FILE = 'changning-2024.plan.json';
export const UNIT_REGISTRY_FILE = 'units.json';

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The structured seed plan (a PlanDraft), with a shape check of its top level. */
export function readSeedPlan(dir: string, file = SEED_PLAN_FILE): PlanDraft {
  const path = join(dir, file);
  const plan = readJson(path);
  if (
    !isObject(plan) ||
    typeof plan.title !== 'string' ||
    typeof plan.year !== 'number' ||
    typeof plan.dueDate !== 'string' ||
    !Array.isArray(plan.sections)
  ) {
    throw new Error(`${path}: not a plan draft (title, year, dueDate, sections)`);
  }
  return plan as unknown as PlanDraft;
}

/** The unit registry: every unit's name, and the members of each collective name. */
export function readUnitRegistry(dir: string, file = UNIT_REGISTRY_FILE): UnitRegistry {
  const path = join(dir, file);
  const registry = readJson(path);
  if (
    !isObject(registry) ||
    !isStringArray(registry.units) ||
    !isObject(registry.groups) ||
    !Object.values(registry.groups).every(isStringArray)
  ) {
    throw new Error(
      `${path}: not a unit registry ({ units: string[], groups: { name: string[] } })`,
    );
  }
  return registry as unknown as UnitRegistry;
}
