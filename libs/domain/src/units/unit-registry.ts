import type { UnitAdded, UnitEvent } from '../events/unit-events';
import { IllegalStateError, RuleViolationError } from '../errors';
import type { UnitRegistry } from '../model/plan-draft';
import type { Command } from '../shared/command';
import { requireRole } from '../shared/authority';
import { compact, requireText } from '../shared/text-rules';
import { closestNames } from './closest-names';

export const UNIT_REGISTRY_STREAM = 'unit-registry';

/** Admin: add a unit to the registry, so that it can be assigned. */
export type AddUnit = Command<
  'AddUnit',
  {
    readonly name: string;
    readonly reason?: string;
    /** The units and groups the seed registry names (they are not in the stream). */
    readonly seed: UnitRegistry;
  }
>;

/** The units added through the stream, in the order they were added. */
export interface AddedUnits {
  readonly added: readonly UnitAdded['data'][];
}

export const initialAddedUnits = (): AddedUnits => ({ added: [] });

export function evolveUnits(state: AddedUnits, event: UnitEvent): AddedUnits {
  switch (event.type) {
    case 'UnitAdded':
      return { added: [...state.added, event.data] };
    default: {
      const unexpected: never = event.type;
      return unexpected;
    }
  }
}

/** The seed registry with the added units. */
export function registryWith(seed: UnitRegistry, state: AddedUnits): UnitRegistry {
  return { units: [...seed.units, ...state.added.map((u) => u.name)], groups: seed.groups };
}

const isKnown = (registry: UnitRegistry, name: string): boolean =>
  registry.units.includes(name) || name in registry.groups;

export function decideAddUnit(command: AddUnit, state: AddedUnits): UnitEvent[] {
  requireRole(command.metadata.actor, 'admin');
  const name = requireText(command.data.name, 'name').trim();
  if ([...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20))
    throw new RuleViolationError('name must not contain / \\ or control characters');
  if (isKnown(registryWith(command.data.seed, state), name))
    throw new IllegalStateError(`单位“${name}”已在单位名录中`, { name });
  return [
    {
      type: 'UnitAdded',
      schemaVersion: 1,
      data: compact({
        name,
        addedBy: command.metadata.actor.id,
        reason: command.data.reason?.trim() || undefined,
      }),
    },
  ];
}

/**
 * A unit may be assigned only when the registry knows it (or it is a collective name of it): a
 * typo would otherwise create an owner nobody answers for. The refusal names the closest names.
 */
export function requireKnownUnit(registry: UnitRegistry, name: string): void {
  if (isKnown(registry, name)) return;
  const closest = closestNames(name, [...registry.units, ...Object.keys(registry.groups)]);
  throw new RuleViolationError(
    `单位“${name}”不在单位名录中${closest.length > 0 ? `；最接近的是：${closest.join('、')}` : ''}（管理员可通过 POST /units 添加）`,
    { unit: name, closest },
  );
}

export const unitsDecider = {
  decide: decideAddUnit,
  evolve: evolveUnits,
  initialState: initialAddedUnits,
};
