import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CacheableRead } from '@duty-ledger/http';
import { listPlans, type PlanSummary } from '../obligations/plans.query';
import { ReadContext } from './read-context';
import { ReadQueryDto } from './read-query.dto';
import { WaitForPositionInterceptor } from './wait-for-position.interceptor';

/** The plans as a list (GET /plans/:planId, the write side's view of one, is in the commands). */
@ApiTags('plans')
@Controller('plans')
@UseInterceptors(WaitForPositionInterceptor)
export class PlansReadController {
  constructor(private readonly read: ReadContext) {}

  @Get()
  @CacheableRead()
  @ApiOperation({
    summary: 'Every plan registered by asOf: id, title, year, status and what it holds then',
  })
  list(@Query() query: ReadQueryDto): { asOf: string; items: PlanSummary[] } {
    const asOf = this.read.asOf(query.asOf);
    return { asOf, items: listPlans(this.read.db, asOf) };
  }
}
