import { Body, Controller, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@duty-ledger/auth';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { commandContextOf } from '../shared/command-context';
import type { CommandRequest } from '../shared/request-context';
import { configureStatusRules, type ConfigureStatusRulesOutcome } from './configure-status-rules';
import { ConfigureStatusRulesDto } from './status-rules.dto';

/** Status-light rules are set by an operator, as events (GET /status-rules reads them). */
@ApiTags('status-rules')
@ApiBearerAuth()
@Controller('status-rules')
export class StatusRulesController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Put a status-light rule set in force from now (admin); its version goes up by one',
  })
  configure(
    @Body() body: ConfigureStatusRulesDto,
    @Req() req: CommandRequest,
  ): Promise<ConfigureStatusRulesOutcome> {
    const context = commandContextOf(req, this.clock);
    return configureStatusRules(
      this.store,
      {
        ruleSetId: body.ruleSetId ?? 'default',
        parameters: {
          dueSoonDays: body.parameters.dueSoonDays,
          scheduleTolerance: body.parameters.scheduleTolerance,
          utcOffsetMinutes: body.parameters.utcOffsetMinutes ?? 480,
        },
        rules: body.rules,
        reason: body.reason,
      },
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
