import type { PlanDraft, UnitRegistry } from './domain';
import type { TaskReview } from './parse-result';

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

/**
 * The review with, on each task, the names the registry knows neither as a unit nor as a group:
 * an annotation naming no known unit is for a person to check (a typo, a renamed department).
 */
export function reviewAgainstRegistry(
  review: readonly TaskReview[],
  registry: UnitRegistry,
): TaskReview[] {
  const known = new Set([...registry.units, ...Object.keys(registry.groups)]);
  return review.map((task) => {
    const unknown = [...task.leads, ...task.supporting].filter((name) => !known.has(name));
    if (unknown.length === 0) return task;
    return {
      ...task,
      warnings: [
        ...task.warnings,
        ...unknown.map((name) => `task ${task.no}: unit "${name}" is not in the unit registry`),
      ],
      needsReview: true,
    };
  });
}
