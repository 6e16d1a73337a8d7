import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CacheableRead } from '@duty-ledger/http';
import type { StatusRuleSet } from '../status/rule-set';
import { ReadContext } from './read-context';
import { ReadQueryDto } from './read-query.dto';
import { WaitForPositionInterceptor } from './wait-for-position.interceptor';

@ApiTags('status-rules')
@Controller('status-rules')
@UseInterceptors(WaitForPositionInterceptor)
export class StatusRulesReadController {
  constructor(private readonly read: ReadContext) {}

  @Get()
  @CacheableRead()
  @ApiOperation({ summary: 'The status-light rule set in force at asOf (default: now)' })
  current(@Query() query: ReadQueryDto): { asOf: string; ruleSet: StatusRuleSet } {
    const asOf = this.read.asOf(query.asOf);
    return { asOf, ruleSet: this.read.ruleSetAt(asOf) };
  }
}
