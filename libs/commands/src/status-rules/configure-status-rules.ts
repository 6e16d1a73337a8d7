import {
  STATUS_RULES_STREAM,
  statusRulesDecider,
  type CommandMetadata,
  type ConfigureStatusRules,
} from '@duty-ledger/domain';
import type { EventStore, JsonObject } from '@duty-ledger/event-store';
import { STATUS_FACTS } from '@duty-ledger/projections';
import { executeCommand } from '../shared/execute-batch';

export type StatusRulesInput = Omit<ConfigureStatusRules['data'], 'knownFacts'>;

export interface ConfigureStatusRulesOutcome {
  readonly ruleSetId: string;
  readonly version: number;
  readonly position: string;
}

/** Puts a rule set in force (the HTTP route and the CLI both come here). */
export async function configureStatusRules(
  store: EventStore,
  input: StatusRulesInput,
  command: CommandMetadata,
  options: { metadata: JsonObject; recordedAt: () => string; expectedRevision?: number },
): Promise<ConfigureStatusRulesOutcome> {
  const result = await executeCommand(
    store,
    STATUS_RULES_STREAM,
    statusRulesDecider,
    {
      type: 'ConfigureStatusRules',
      data: { ...input, knownFacts: STATUS_FACTS },
      metadata: command,
    },
    { commandId: command.commandId, ...options },
  );
  const { ruleSetId, version } = result.events[0].data;
  return { ruleSetId, version, position: result.position };
}
