import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { readPlan, type PlanView } from './read-plan';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class ReadPlanController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The plan with its tasks, targets, units and their ids, as the write side holds it now. */
  @Get(':planId')
  async get(@Param('planId') planId: string): Promise<PlanView> {
    const plan = await readPlan(this.store, planId);
    if (!plan) throw new NotFoundException(`plan ${planId} does not exist`);
    return plan;
  }
}
