import { Controller, Get, Header, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CacheableRead } from '@duty-ledger/http';
import { CurrentPrincipal, type Principal } from '@duty-ledger/auth';
import { unitInScope } from './read-scope';
import {
  listObligations,
  obligations,
  type ObligationPage,
} from '../obligations/obligations.query';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../obligations/page';
import { obligationsCsv, obligationsXlsx } from '../exports/obligation-export';
import { ReadContext } from './read-context';
import { CSV_TYPE, XLSX_TYPE, attachment } from './download';
import { WaitForPositionInterceptor } from './wait-for-position.interceptor';
import {
  ObligationsFilterDto,
  ObligationsQueryDto,
  UnitObligationsQueryDto,
} from './obligations.dto';

@ApiTags('obligations')
@Controller()
@UseInterceptors(WaitForPositionInterceptor)
export class ObligationsController {
  constructor(private readonly read: ReadContext) {}

  @Get('units/:unit/obligations')
  @CacheableRead()
  @ApiOperation({
    summary: 'What one unit owes, by due date, a page at a time',
    description: `Paged like GET /obligations: limit (default ${DEFAULT_PAGE_LIMIT}, at most ${MAX_PAGE_LIMIT}) and offset; the answer carries total, limit, offset and nextOffset (null on the last page).`,
  })
  unit(
    @Param('unit') unit: string,
    @Query() query: UnitObligationsQueryDto,
    @CurrentPrincipal() principal: Principal | undefined,
  ): { unit: string } & ObligationPage {
    unitInScope(principal, unit);
    const asOf = this.read.asOf(query.asOf);
    const page = obligations(this.read.db, {
      unit,
      asOf,
      status: this.read.status(query.status, asOf),
      ruleSet: this.read.ruleSetAt(asOf),
      limit: query.limit,
      offset: query.offset,
    });
    return { unit, ...page };
  }

  @Get('obligations')
  @CacheableRead()
  @ApiOperation({
    summary: 'Obligations across units, by due date, a page at a time',
    description: `limit (default ${DEFAULT_PAGE_LIMIT}, at most ${MAX_PAGE_LIMIT}) and offset; the answer carries total, limit, offset and nextOffset (null on the last page).`,
  })
  list(
    @Query() query: ObligationsQueryDto,
    @CurrentPrincipal() principal: Principal | undefined,
  ): ObligationPage {
    return obligations(this.read.db, {
      ...this.filter(query, principal),
      limit: query.limit,
      offset: query.offset,
    });
  }

  @Get('obligations.csv')
  @Header('content-type', CSV_TYPE)
  @Header('content-disposition', attachment('obligations.csv', '履职清单.csv'))
  csv(
    @Query() query: ObligationsFilterDto,
    @CurrentPrincipal() principal: Principal | undefined,
  ): string {
    return obligationsCsv(listObligations(this.read.db, this.filter(query, principal)));
  }

  @Get('obligations.xlsx')
  @Header('content-type', XLSX_TYPE)
  @Header('content-disposition', attachment('obligations.xlsx', '履职清单.xlsx'))
  xlsx(
    @Query() query: ObligationsFilterDto,
    @CurrentPrincipal() principal: Principal | undefined,
  ): Promise<Buffer> {
    return obligationsXlsx(listObligations(this.read.db, this.filter(query, principal)));
  }

  /** A lead's listing is its own unit's. */
  private filter(query: ObligationsFilterDto, principal: Principal | undefined) {
    const asOf = this.read.asOf(query.asOf);
    return {
      asOf,
      status: this.read.status(query.status, asOf),
      unit: unitInScope(principal, query.unit),
      planId: query.planId,
      dueBefore: query.dueBefore,
      ruleSet: this.read.ruleSetAt(asOf),
    };
  }
}
