import { Controller, Get, Header, Query, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CacheableRead } from '@duty-ledger/http';
import { targetChanges, type TargetChange } from '../target-changes/target-changes.query';
import { attention, type AttentionList } from '../attention/attention.query';
import { targetChangesCsv, targetChangesXlsx } from '../exports/target-change-export';
import { ReadContext } from './read-context';
import { CSV_TYPE, XLSX_TYPE, attachment } from './download';
import { WaitForPositionInterceptor } from './wait-for-position.interceptor';
import { AttentionQueryDto, TargetChangesQueryDto } from './audit.dto';

@ApiTags('audit')
@Controller('audit')
@UseInterceptors(WaitForPositionInterceptor)
export class AuditController {
  constructor(private readonly read: ReadContext) {}

  @Get('target-changes')
  @CacheableRead()
  changes(@Query() query: TargetChangesQueryDto): { asOf: string; items: TargetChange[] } {
    const asOf = this.read.asOf(query.asOf);
    return { asOf, items: this.feed(query, asOf) };
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

  /** As things stand now (the injected clock). */
  @Get('attention')
  @CacheableRead()
  attention(@Query() query: AttentionQueryDto): AttentionList {
    const { waitFor: _waitFor, ...options } = query;
    return attention(this.read.db, { ...options, now: this.read.now() });
  }

  private feed(query: TargetChangesQueryDto, asOf: string): TargetChange[] {
    return targetChanges(this.read.db, {
      asOf,
      from: query.from,
      to: query.to,
      unit: query.unit,
      kind: query.kind,
      planId: query.planId,
    });
  }
}
