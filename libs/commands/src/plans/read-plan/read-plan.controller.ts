import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { asOfInstant } from '@duty-ledger/projections';
import { PlanReadQueryDto } from '../import-plan/import-plan.dto';
import { readPlan, type PlanView } from './read-plan';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class ReadPlanController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The plan with its tasks, targets, units and their ids, as the write side holds it (asOf: then). */
  @Get(':planId')
  async get(@Param('planId') planId: string, @Query() query: PlanReadQueryDto): Promise<PlanView> {
    const asOf =
      query.asOf === undefined ? this.clock.now().toISOString() : asOfInstant(query.asOf);
    const plan = await readPlan(this.store, planId, asOf);
    if (!plan) throw new NotFoundException(`plan ${planId} does not exist`);
    return plan;
  }
}
