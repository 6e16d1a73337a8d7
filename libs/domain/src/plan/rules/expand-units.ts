import type { AssignmentRole } from '../../events/task-events';
import type { UnitRef, UnitRegistry } from '../../model/plan-draft';

export interface ExpandedUnit {
  readonly role: AssignmentRole;
  readonly unit: string;
  readonly viaGroup?: string;
  readonly isGroup?: true;
}

/**
 * The units a task's text names, with collective names expanded through the registry.
 * - A name the registry lists as a group with members (各街镇) becomes one unit per member.
 * - A group with no members, or a name the draft marks as a group that the registry does not
 *   know (各相关单位), stays one placeholder for a supervisor to name later.
 * - The registry decides what is a group, so a group name the parser missed is still expanded.
 * - A unit named twice keeps its first mention, leads before supporting: one role per unit.
 */
export function expandUnits(
  leads: readonly UnitRef[],
  supporting: readonly UnitRef[],
  registry: UnitRegistry,
): ExpandedUnit[] {
  const expanded: ExpandedUnit[] = [];
  const seen = new Set<string>();
  const add = (unit: ExpandedUnit) => {
    if (seen.has(unit.unit)) return;
    seen.add(unit.unit);
    expanded.push(unit);
  };
  const expand = (role: AssignmentRole, ref: UnitRef) => {
    const members = Object.hasOwn(registry.groups, ref.name)
      ? registry.groups[ref.name]
      : undefined;
    if (members && members.length > 0) {
      members.forEach((unit) => add({ role, unit, viaGroup: ref.name }));
    } else if (members || ref.group) {
      add({ role, unit: ref.name, isGroup: true });
    } else {
      add({ role, unit: ref.name });
    }
  };
  leads.forEach((ref) => expand('lead', ref));
  supporting.forEach((ref) => expand('supporting', ref));
  return expanded;
}
