import { Body, Controller, Get, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '@duty-ledger/auth';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { asOfInstant } from '@duty-ledger/projections';
import { commandContextOf } from '../shared/command-context';
import { addUnit, type AddUnitOutcome } from './add-unit';
import type { CommandRequest } from '../shared/request-context';
import { PlanReadQueryDto } from '../plans/import-plan/import-plan.dto';
import { UnitRegistryService, type RegisteredUnit } from './unit-registry.service';

export class AddUnitDto {
  @ApiProperty({ example: '区数据局', description: 'The unit as plans and tokens name it' })
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '机构改革新设' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/** The unit registry: assignments name only units it knows. */
@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly registry: UnitRegistryService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Query() query: PlanReadQueryDto): Promise<{
    asOf: string;
    units: RegisteredUnit[];
    groups: Readonly<Record<string, readonly string[]>>;
  }> {
    const asOf =
      query.asOf === undefined ? this.clock.now().toISOString() : asOfInstant(query.asOf);
    return { asOf, units: await this.registry.list(asOf), groups: this.registry.seed.groups };
  }

  /** Admin: add a unit, recorded as an event (UnitAdded). */
  @Post()
  @Roles('admin')
  async add(@Body() body: AddUnitDto, @Req() req: CommandRequest): Promise<AddUnitOutcome> {
    const context = commandContextOf(req, this.clock);
    return addUnit(
      this.store,
      this.registry.seed,
      { name: body.name, ...(body.reason ? { reason: body.reason } : {}) },
      context.metadata,
      {
        metadata: context.eventMetadata,
        recordedAt: () => this.clock.now().toISOString(),
        ...(context.expectedRevision !== undefined
          ? { expectedRevision: context.expectedRevision }
          : {}),
      },
    );
  }
}
