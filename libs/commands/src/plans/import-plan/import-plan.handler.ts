import { ConflictException, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { planDecider, planStreamId } from '@duty-ledger/domain';
import {
  EVENT_STORE,
  formatPosition,
  WrongExpectedVersionError,
  type EventStore,
} from '@duty-ledger/event-store';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { toNewEvents } from '../../shared/execute-batch';
import { loadState } from '../../shared/load-state';
import { ImportPlanCommand, type ImportPlanResult } from './import-plan.command';

/**
 * A plan spans many streams. Task streams are written first and the plan stream last, so a plan
 * that can be read is complete. Every stream is appended with no_stream and event ids derived
 * from the command id: a retry after a partial failure rewrites nothing and finishes the rest.
 */
@CommandHandler(ImportPlanCommand)
export class ImportPlanHandler implements ICommandHandler<ImportPlanCommand, ImportPlanResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ command, eventMetadata }: ImportPlanCommand): Promise<ImportPlanResult> {
    const planStream = planStreamId(command.data.planId);
    const { state } = await loadState(this.store, planStream, planDecider);
    const decision = planDecider.decide(command, state);
    const ordered = [
      ...decision.filter((s) => s.streamId !== planStream),
      ...decision.filter((s) => s.streamId === planStream),
    ];
    const options = {
      commandId: command.metadata.commandId,
      metadata: eventMetadata,
      recordedAt: () => this.clock.now().toISOString(),
    };

    const streams: ImportPlanResult['streams'][number][] = [];
    let position = '';
    let offset = 0;
    for (const { streamId, events } of ordered) {
      try {
        const result = await this.store.append(streamId, toNewEvents(events, options, offset), {
          expectedRevision: 'no_stream',
        });
        streams.push({ streamId, revision: result.nextExpectedRevision, events });
        position = formatPosition(result.position);
      } catch (error) {
        if (error instanceof WrongExpectedVersionError)
          throw new ConflictException(
            `stream ${streamId} already holds other events: the plan id is taken`,
          );
        throw error;
      }
      offset += events.length;
    }
    return { planId: command.data.planId, position, streams };
  }
}
