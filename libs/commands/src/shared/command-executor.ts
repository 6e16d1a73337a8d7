import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Decider } from '@duty-ledger/domain';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import type { CommandAnswer } from './command-answer';
import type { CommandContext } from './command-context';
import { executeBatch } from './execute-batch';
import type { AnyEvent } from './load-state';
import { StreamBatcher } from './stream-batcher';
import { StreamStateCache } from './stream-state-cache';

/** The batcher and the state cache of one decider's streams. */
interface Lane {
  readonly submit: StreamBatcher<unknown, AnyEvent>['submit'];
}

/**
 * What every command handler calls: load the stream, decide, append (executeBatch). The commands
 * waiting on one stream are decided together in arrival order and appended at once
 * (StreamBatcher), starting from the state left in the cache plus whatever else was appended
 * since; a lost revision race is retried on fresh state unless the caller sent If-Match.
 */
@Injectable()
export class CommandExecutor implements OnApplicationShutdown {
  private readonly lanes = new Map<object, Lane>();
  private commands = 0;
  private retries = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute<Command, State, Event extends AnyEvent>(
    streamId: string,
    decider: Decider<Command, State, Event>,
    command: Command,
    context: CommandContext,
  ): Promise<CommandAnswer> {
    this.commands += 1;
    const result = await this.laneOf(decider).submit(streamId, {
      command,
      options: {
        expectedRevision: context.expectedRevision,
        commandId: context.metadata.commandId,
        metadata: context.eventMetadata,
        recordedAt: () => this.clock.now().toISOString(),
        onRetry: () => {
          this.retries += 1;
        },
      },
    });
    return {
      streamId: result.streamId,
      revision: result.revision,
      position: result.position,
      events: result.events.map((event: AnyEvent) => ({ type: event.type })),
    };
  }

  private laneOf<Command, State, Event extends AnyEvent>(
    decider: Decider<Command, State, Event>,
  ): Lane {
    let lane = this.lanes.get(decider);
    if (!lane) {
      const cache = new StreamStateCache<State>();
      const batcher = new StreamBatcher<Command, Event>((streamId, batch) =>
        executeBatch(this.store, streamId, decider, batch, cache),
      );
      lane = { submit: batcher.submit.bind(batcher) as Lane['submit'] };
      this.lanes.set(decider, lane);
    }
    return lane;
  }

  /** Retries mean writers racing on one stream (other processes); bench:commands reads this line. */
  onApplicationShutdown(): void {
    if (this.commands === 0) return;
    new Logger('TaskCommands').log(
      `${this.commands} task commands, ${this.retries} retries after a lost revision race`,
    );
  }
}
