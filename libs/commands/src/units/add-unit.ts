import {
  UNIT_REGISTRY_STREAM,
  unitsDecider,
  type CommandMetadata,
  type UnitRegistry,
} from '@duty-ledger/domain';
import type { EventStore, JsonObject } from '@duty-ledger/event-store';
import { executeCommand } from '../shared/execute-batch';

export interface AddUnitOutcome {
  readonly name: string;
  readonly revision: number;
  readonly position: string;
}

/** Adds a unit to the registry stream (the HTTP route and the CLI both come here). */
export async function addUnit(
  store: EventStore,
  seed: UnitRegistry,
  unit: { readonly name: string; readonly reason?: string },
  command: CommandMetadata,
  options: { metadata: JsonObject; recordedAt: () => string; expectedRevision?: number },
): Promise<AddUnitOutcome> {
  const result = await executeCommand(
    store,
    UNIT_REGISTRY_STREAM,
    unitsDecider,
    { type: 'AddUnit', data: { ...unit, seed }, metadata: command },
    { commandId: command.commandId, ...options },
  );
  return { name: result.events[0].data.name, revision: result.revision, position: result.position };
}
