import { Body, Controller, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@duty-ledger/auth';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import { planDecider, planStreamId } from '@duty-ledger/domain';
import type { TaskReview, Unclassified } from '@duty-ledger/plan-import';
import { commandContextOf } from '../../shared/command-context';
import { loadState } from '../../shared/load-state';
import type { CommandRequest } from '../../shared/request-context';
import { WithdrawPlanDto } from '../withdrawal.dto';
import { ImportPlanDto, ImportPlanQueryDto } from './import-plan.dto';
import { ImportPlanCommand, type ImportPlanResult } from './import-plan.command';
import { WithdrawPlanCommand } from '../withdraw-plan.command';
import type { PlanDecisionResult } from '../append-plan-decision';
import { UnitRegistryService } from '../../units/unit-registry.service';
import { importResponse, type ImportPlanResponse } from './import-response';
import { planDraftOf } from '../plan-draft-of';
import { dryRunResponse } from '../dry-run-response';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class ImportPlanController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly units: UnitRegistryService,
  ) {}

  /** 立项: register a plan from its text or its structured form. Admin only. */
  @Post()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Register a plan (admin); ?dryRun=true answers what would be registered and writes nothing',
  })
  async import(
    @Body() body: ImportPlanDto,
    @Query() query: ImportPlanQueryDto,
    @Req() req: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<
    | (ImportPlanResponse & {
        unclassified: Unclassified[];
        warnings: string[];
        review: TaskReview[];
        noticeRef?: string;
      })
    | ReturnType<typeof dryRunResponse>
  > {
    const context = commandContextOf(req, this.clock);
    const registry = await this.units.current();
    const source = planDraftOf(body, registry);
    const { draft, unclassified, warnings, review, sourceSha256 } = source;
    const planId =
      draft.planId ?? body.planId ?? `plan-${draft.year}-${context.metadata.commandId.slice(0, 8)}`;
    const command = {
      type: 'ImportPlan' as const,
      data: {
        planId,
        draft,
        registry,
        ...(sourceSha256 ? { sourceSha256 } : {}),
      },
      metadata: context.metadata,
    };
    if (query.dryRun === 'true') {
      // Decided like a real import (same checks, same 4xx), but nothing is appended.
      const { state } = await loadState(this.store, planStreamId(planId), planDecider);
      reply.status(200);
      return dryRunResponse(planId, source, planDecider.decide(command, state));
    }
    const result = await this.commandBus.execute<ImportPlanCommand, ImportPlanResult>(
      new ImportPlanCommand(command, context.eventMetadata),
    );
    return {
      ...importResponse(result),
      ...(draft.noticeRef ? { noticeRef: draft.noticeRef } : {}),
      unclassified,
      warnings,
      review,
    };
  }

  /** 撤销: withdraw a plan with the reason. Its obligations end; its history stays. Admin only. */
  @Post(':planId/withdrawal')
  @HttpCode(200)
  @Roles('admin')
  async withdraw(
    @Param('planId') planId: string,
    @Body() body: WithdrawPlanDto,
    @Req() req: CommandRequest,
  ): Promise<{ planId: string; position: string; tasks: number }> {
    const context = commandContextOf(req, this.clock);
    const result = await this.commandBus.execute<WithdrawPlanCommand, PlanDecisionResult>(
      new WithdrawPlanCommand(
        {
          type: 'WithdrawPlan',
          data: { planId, reason: body.reason },
          metadata: context.metadata,
        },
        context.eventMetadata,
      ),
    );
    return { planId, position: result.position, tasks: result.streams.length - 1 };
  }
}
