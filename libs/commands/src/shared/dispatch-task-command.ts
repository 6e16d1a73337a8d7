import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  assignmentsAt,
  taskCommandScope,
  taskDeciderWith,
  type RevisionPolicy,
  type TaskCommand,
  type TaskEvent,
  type TaskState,
} from '@duty-ledger/domain';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import type { CommandContext } from './command-context';
import { executeBatch, type CommandResult } from './command-executor';
import { StreamBatcher } from './stream-batcher';
import { StreamStateCache } from './stream-state-cache';

/**
 * The bus message for every command addressed to a task or target. The domain's command union
 * says what to do; this says with what expectations (If-Match) and metadata.
 */
export class DispatchTaskCommand {
  constructor(
    readonly command: TaskCommand,
    readonly context: CommandContext,
  ) {}
}

/**
 * A removal that names no role means the one role the unit holds at that scope; when it holds
 * none the domain answers not-found, when it holds both it must say which.
 */
function withInferredRole(command: TaskCommand, state: TaskState): TaskCommand {
  if (command.type !== 'RemoveAssignment' || command.data.role || state.status !== 'registered')
    return command;
  const roles = assignmentsAt(state, command.data)
    .filter((a) => a.unit === command.data.unit)
    .map((a) => a.role);
  if (roles.length !== 1)
    return roles.length === 0 ? { ...command, data: { ...command.data, role: 'lead' } } : command;
  return { ...command, data: { ...command.data, role: roles[0] } };
}

/** The revision policy the task decider applies (configuration; see RevisionPolicy). */
export const REVISION_POLICY = Symbol('REVISION_POLICY');

function deciderWith(policy: RevisionPolicy) {
  const taskDecider = taskDeciderWith(policy);
  return {
    ...taskDecider,
    decide: (command: TaskCommand, state: TaskState) =>
      taskDecider.decide(withInferredRole(command, state), state),
  };
}

/**
 * Load the task stream, decide, append: the whole write path of a task command. The commands
 * waiting on one task are decided together in arrival order and appended at once (StreamBatcher),
 * starting from the state left in the cache plus whatever else was appended since.
 */
@CommandHandler(DispatchTaskCommand)
export class DispatchTaskCommandHandler
  implements ICommandHandler<DispatchTaskCommand, CommandResult<TaskEvent>>, OnApplicationShutdown
{
  private readonly cache = new StreamStateCache<TaskState>();
  private readonly decider: ReturnType<typeof deciderWith>;
  private readonly batcher = new StreamBatcher<TaskCommand, TaskEvent>((streamId, batch) =>
    executeBatch(this.store, streamId, this.decider, batch, this.cache),
  );
  private commands = 0;
  private retries = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REVISION_POLICY) policy: RevisionPolicy,
  ) {
    this.decider = deciderWith(policy);
  }

  execute({ command, context }: DispatchTaskCommand): Promise<CommandResult<TaskEvent>> {
    const { streamId } = taskCommandScope(command);
    this.commands += 1;
    return this.batcher.submit(streamId, {
      command,
      options: {
        expectedRevision: context.expectedRevision,
        commandId: context.command.commandId,
        metadata: context.eventMetadata,
        recordedAt: () => this.clock.now().toISOString(),
        onRetry: () => {
          this.retries += 1;
        },
      },
    });
  }

  /** Retries mean writers racing on one stream (other processes); bench:commands reads this line. */
  onApplicationShutdown(): void {
    if (this.commands === 0) return;
    new Logger('TaskCommands').log(
      `${this.commands} task commands, ${this.retries} retries after a lost revision race`,
    );
  }
}
