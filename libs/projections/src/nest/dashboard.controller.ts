import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CacheableRead } from '@duty-ledger/http';
import { dashboardSummary, type DashboardSummary } from '../dashboard/dashboard-summary.query';
import { ReadContext } from './read-context';
import { DashboardQueryDto } from './audit.dto';
import { WaitForPositionInterceptor } from './wait-for-position.interceptor';

@ApiTags('dashboard')
@Controller('dashboard')
@UseInterceptors(WaitForPositionInterceptor)
export class DashboardController {
  constructor(private readonly read: ReadContext) {}

  @Get('summary')
  @CacheableRead()
  summary(@Query() query: DashboardQueryDto): DashboardSummary {
    const asOf = this.read.asOf(query.asOf);
    return dashboardSummary(this.read.db, query.planId, {
      asOf,
      ruleSet: this.read.ruleSetAt(asOf),
    });
  }
}
