import { Controller, Get, Header, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CacheableRead } from '@duty-ledger/http';
import { Roles } from '@duty-ledger/auth';
import {
  targetChanges,
  targetChangesPage,
  type TargetChange,
} from '../target-changes/target-changes.query';
import type { AttentionPage } from '../attention/attention-page';
import { attention, type AttentionList } from '../attention/attention.query';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../obligations/page';
import { targetChangesCsv, targetChangesXlsx } from '../exports/target-change-export';
import { ReadContext } from './read-context';
import { CSV_TYPE, XLSX_TYPE, attachment } from './download';
import { WaitForPositionInterceptor } from './wait-for-position.interceptor';
import { AttentionQueryDto, TargetChangesPageQueryDto, TargetChangesQueryDto } from './audit.dto';

/** The audit feed and the attention lists are for supervisors and admins. */
@ApiTags('audit')
@Roles('supervisor', 'admin')
@Controller('audit')
@UseInterceptors(WaitForPositionInterceptor)
export class AuditController {
  constructor(private readonly read: ReadContext) {}

  @Get('target-changes')
  @CacheableRead()
  @ApiOperation({
    summary: 'Changes to targets, deadlines and owners, in log order, a page at a time',
    description: `limit (default ${DEFAULT_PAGE_LIMIT}, at most ${MAX_PAGE_LIMIT}) and offset; the answer carries total, limit, offset and nextOffset (null on the last page).`,
  })
  changes(
    @Query() query: TargetChangesPageQueryDto,
  ): { asOf: string } & AttentionPage<TargetChange> {
    const asOf = this.read.asOf(query.asOf);
    const page = targetChangesPage(this.read.db, this.filter(query, asOf), query);
    return { asOf, ...page };
  }

  @Get('target-changes.csv')
  @Header('content-type', CSV_TYPE)
  @Header('content-disposition', attachment('target-changes.csv', '指标调整记录.csv'))
  csv(@Query() query: TargetChangesQueryDto): string {
    return targetChangesCsv(this.feed(query, this.read.asOf(query.asOf)));
  }

  @Get('target-changes.xlsx')
  @Header('content-type', XLSX_TYPE)
  @Header('content-disposition', attachment('target-changes.xlsx', '指标调整记录.xlsx'))
  xlsx(@Query() query: TargetChangesQueryDto): Promise<Buffer> {
    return targetChangesXlsx(this.feed(query, this.read.asOf(query.asOf)));
  }

  /** As things stand now (the injected clock), or as of `asOf`. */
  @Get('attention')
  @CacheableRead()
  @ApiOperation({
    summary: "What needs a supervisor's attention now, most urgent first, a page per list",
    description:
      `Six lists: unacknowledged (assignments unanswered for more than unackDays, longest owed first), ` +
      `noRecentReport (open targets without a report for more than noReportDays, longest silent first), ` +
      `deadlineMovedRepeatedly (most moves first), loweredLate (targets lowered from lateFrom of the plan year, latest first), ` +
      `declined (declined assignments waiting for a supervisor to reassign) and awaitingDecision (proposals, extension requests and completion claims undecided for more than approvalDays). ` +
      `Each list is { total, limit, offset, nextOffset, items }: at most limit items (default ${DEFAULT_PAGE_LIMIT}, at most ${MAX_PAGE_LIMIT}) from offset; ` +
      `nextOffset is null on the last page. list=<name> answers that list alone, to page through it: ?list=unacknowledged&offset=50.`,
  })
  attention(@Query() query: AttentionQueryDto): AttentionList {
    const { waitFor: _waitFor, asOf, ...options } = query;
    return attention(this.read.db, { ...options, now: this.read.asOf(asOf) });
  }

  private feed(query: TargetChangesQueryDto, asOf: string): TargetChange[] {
    return targetChanges(this.read.db, this.filter(query, asOf));
  }

  private filter(query: TargetChangesQueryDto, asOf: string) {
    return {
      asOf,
      from: query.from,
      to: query.to,
      unit: query.unit,
      kind: query.kind,
      planId: query.planId,
    };
  }
}
