import { Controller, Get, Header, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  listObligations,
  obligations,
  unitObligations,
  type Obligation,
  type ObligationPage,
} from '../obligations/obligations.query';
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
  unit(
    @Param('unit') unit: string,
    @Query() query: UnitObligationsQueryDto,
  ): { unit: string; asOf: string; items: Obligation[] } {
    const asOf = this.read.asOf(query.asOf);
    const items = unitObligations(this.read.db, unit, {
      asOf,
      status: this.read.status(query.status),
      ruleSet: this.read.ruleSet,
    });
    return { unit, asOf, items };
  }

  @Get('obligations')
  list(@Query() query: ObligationsQueryDto): ObligationPage {
    return obligations(this.read.db, {
      ...this.filter(query),
      limit: query.limit,
      offset: query.offset,
    });
  }

  @Get('obligations.csv')
  @Header('content-type', CSV_TYPE)
  @Header('content-disposition', attachment('obligations.csv', '履职清单.csv'))
  csv(@Query() query: ObligationsFilterDto): string {
    return obligationsCsv(listObligations(this.read.db, this.filter(query)));
  }

  @Get('obligations.xlsx')
  @Header('content-type', XLSX_TYPE)
  @Header('content-disposition', attachment('obligations.xlsx', '履职清单.xlsx'))
  xlsx(@Query() query: ObligationsFilterDto): Promise<Buffer> {
    return obligationsXlsx(listObligations(this.read.db, this.filter(query)));
  }

  private filter(query: ObligationsFilterDto) {
    return {
      asOf: this.read.asOf(query.asOf),
      status: this.read.status(query.status),
      unit: query.unit,
      planId: query.planId,
      dueBefore: query.dueBefore,
      ruleSet: this.read.ruleSet,
    };
  }
}
