import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { planDecider, planStreamId, type WithdrawPlan } from '@duty-ledger/domain';
import { EVENT_STORE, type EventStore, type JsonObject } from '@duty-ledger/event-store';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { loadState } from '../shared/load-state';
import { appendPlanDecision, type PlanDecisionResult } from './append-plan-decision';

export class WithdrawPlanCommand {
  constructor(
    readonly command: WithdrawPlan,
    readonly eventMetadata: JsonObject,
  ) {}
}

/**
 * The plan stream is appended at the revision the decision was made on (a second withdrawal at
 * the same time is a conflict); its task streams take TaskWithdrawn after whatever they hold.
 */
@CommandHandler(WithdrawPlanCommand)
export class WithdrawPlanHandler implements ICommandHandler<
  WithdrawPlanCommand,
  PlanDecisionResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ command, eventMetadata }: WithdrawPlanCommand): Promise<PlanDecisionResult> {
    const planStream = planStreamId(command.data.planId);
    const { state, revision } = await loadState(this.store, planStream, planDecider);
    return appendPlanDecision(
      this.store,
      command.data.planId,
      planStream,
      planDecider.decide(command, state),
      {
        commandId: command.metadata.commandId,
        metadata: eventMetadata,
        recordedAt: () => this.clock.now().toISOString(),
        expected: (streamId) => (streamId === planStream ? revision : 'any'),
      },
    );
  }
}
