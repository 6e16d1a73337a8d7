import type { Decider } from '@duty-ledger/domain';
import type { EventStore } from '@duty-ledger/event-store';
import { executeBatch, type CommandResult, type ExecutionOptions } from '../shared/execute-batch';
import type { AnyEvent } from '../shared/load-state';
import type { StreamStateCache } from '../shared/stream-state-cache';

/** One command through executeBatch, its refusal thrown: what the specs compare batches with. */
export async function executeCommand<Command, State, Event extends AnyEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  options: ExecutionOptions,
  cache?: StreamStateCache<State>,
): Promise<CommandResult<Event>> {
  const [outcome] = await executeBatch(store, streamId, decider, [{ command, options }], cache);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
