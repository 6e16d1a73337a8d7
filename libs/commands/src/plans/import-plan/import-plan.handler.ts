import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { planDecider, planStreamId } from '@duty-ledger/domain';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { loadState } from '../../shared/load-state';
import { appendPlanDecision } from '../append-plan-decision';
import { ImportPlanCommand, type ImportPlanResult } from './import-plan.command';

/** Every stream of a new plan is appended with no_stream: a taken plan id is a conflict. */
@CommandHandler(ImportPlanCommand)
export class ImportPlanHandler implements ICommandHandler<ImportPlanCommand, ImportPlanResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ command, eventMetadata }: ImportPlanCommand): Promise<ImportPlanResult> {
    const planStream = planStreamId(command.data.planId);
    const { state } = await loadState(this.store, planStream, planDecider);
    return appendPlanDecision(
      this.store,
      command.data.planId,
      planStream,
      planDecider.decide(command, state),
      {
        commandId: command.metadata.commandId,
        metadata: eventMetadata,
        recordedAt: () => this.clock.now().toISOString(),
        expected: () => 'no_stream',
      },
    );
  }
}
