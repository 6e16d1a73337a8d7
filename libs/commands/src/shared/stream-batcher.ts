import type { CommandOutcome, CommandResult, StreamCommand } from './execute-batch';

interface Waiting<Command, Event> extends StreamCommand<Command> {
  readonly resolve: (result: CommandResult<Event>) => void;
  readonly reject: (error: unknown) => void;
}

/** Executes a batch of commands on one stream (executeBatch), giving one outcome per command. */
export type BatchRunner<Command, Event> = (
  streamId: string,
  batch: readonly StreamCommand<Command>[],
) => Promise<readonly CommandOutcome<Event>[]>;

/** Commands per batch at most: bounds one append and the work redone when it loses a race. */
export const MAX_BATCH = 64;

/**
 * One batch at a time per stream; the commands that arrive meanwhile form the next batch.
 *
 * Commands on one stream decided concurrently would all read the same revision and all but one
 * would lose the append race and retry; run one after another, a busy stream would get one
 * command per durable commit. Batched, every command waiting on a stream is decided in arrival
 * order on the state the previous ones leave, and all are committed in one append. Other
 * processes may still write the stream; executeBatch's revision check and retry cover them.
 */
export class StreamBatcher<Command, Event> {
  private readonly waiting = new Map<string, Waiting<Command, Event>[]>();

  constructor(private readonly runBatch: BatchRunner<Command, Event>) {}

  submit(streamId: string, command: StreamCommand<Command>): Promise<CommandResult<Event>> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(streamId);
      if (queue) {
        queue.push({ ...command, resolve, reject });
        return;
      }
      this.waiting.set(streamId, [{ ...command, resolve, reject }]);
      void this.drain(streamId);
    });
  }

  private async drain(streamId: string): Promise<void> {
    const queue = this.waiting.get(streamId)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        const outcomes = await this.runBatch(streamId, batch);
        batch.forEach((waiting, index) => {
          const outcome = outcomes[index];
          if (outcome.ok) waiting.resolve(outcome.value);
          else waiting.reject(outcome.error);
        });
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.waiting.delete(streamId);
  }
}
