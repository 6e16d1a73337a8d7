import { Controller, Get, NotFoundException, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CacheableRead } from '@duty-ledger/http';
import { CurrentPrincipal, type Principal } from '@duty-ledger/auth';
import { assertOwnsTarget, leadUnitOf } from './read-scope';
import { reportSummary, type ReportSummary } from '../targets/target-reports.query';
import {
  targetDetails,
  targetHistory,
  targetStateAt,
  type TargetDetails,
  type TargetHistoryEntry,
} from '../targets/targets.query';
import { ReadContext } from './read-context';
import { ReadQueryDto } from './read-query.dto';
import { WaitForPositionInterceptor } from './wait-for-position.interceptor';

@ApiTags('targets')
@Controller('targets')
@UseInterceptors(WaitForPositionInterceptor)
export class TargetsController {
  constructor(private readonly read: ReadContext) {}

  @Get(':targetId')
  @CacheableRead()
  details(
    @Param('targetId') targetId: string,
    @Query() query: ReadQueryDto,
    @CurrentPrincipal() principal: Principal | undefined,
  ): TargetDetails {
    const asOf = this.read.asOf(query.asOf);
    const details = targetDetails(this.read.db, targetId, {
      asOf,
      ruleSet: this.read.ruleSetAt(asOf),
    });
    if (!details) throw notFound(targetId);
    assertOwnsTarget(principal, details.owners);
    return details;
  }

  /**
   * Every report on the target (unit, value, as-of date, evidence, note, who filed it, its
   * corrections) and each owning unit's latest figure, as recorded by `asOf`.
   */
  @Get(':targetId/reports')
  @CacheableRead()
  reports(
    @Param('targetId') targetId: string,
    @Query() query: ReadQueryDto,
    @CurrentPrincipal() principal: Principal | undefined,
  ): { targetId: string; asOf: string } & ReportSummary {
    const asOf = this.read.asOf(query.asOf);
    const state = targetStateAt(this.read.db, targetId, asOf);
    if (!state) throw notFound(targetId);
    assertOwnsTarget(principal, state.owners);
    return { targetId, asOf, ...reportSummary(this.read.db, state, asOf) };
  }

  @Get(':targetId/history')
  @CacheableRead()
  history(
    @Param('targetId') targetId: string,
    @Query() query: ReadQueryDto,
    @CurrentPrincipal() principal: Principal | undefined,
  ): { targetId: string; asOf: string; entries: TargetHistoryEntry[] } {
    const asOf = this.read.asOf(query.asOf);
    const entries = targetHistory(this.read.db, targetId, { asOf });
    if (!entries) throw notFound(targetId);
    if (leadUnitOf(principal) !== undefined)
      assertOwnsTarget(principal, targetDetails(this.read.db, targetId, { asOf })?.owners ?? []);
    return { targetId, asOf, entries };
  }
}

const notFound = (targetId: string) =>
  new NotFoundException({
    statusCode: 404,
    error: 'Not Found',
    message: `No target '${targetId}' was recorded by then`,
  });
