import type { PlanDraft, UnitRegistry } from './domain';

/** Unit names a plan uses that the registry knows neither as a unit nor as a group. */
export function unknownUnits(plan: PlanDraft, registry: UnitRegistry): string[] {
  const known = new Set([...registry.units, ...Object.keys(registry.groups)]);
  const unknown = new Set<string>();
  for (const section of plan.sections) {
    for (const task of section.tasks) {
      for (const unit of [...task.leads, ...task.supporting]) {
        if (!known.has(unit.name)) unknown.add(unit.name);
      }
    }
  }
  return [...unknown];
}
