import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { Roles } from '@duty-ledger/auth';
import { CLOCK, type Clock } from '@duty-ledger/clock';
import { EVENT_STORE, type EventStore } from '@duty-ledger/event-store';
import type { PlanDraft, UnitRegistry } from '@duty-ledger/domain';
import {
  ownerlessRefusal,
  parsePlanText,
  reviewAgainstRegistry,
  unknownUnits,
  type TaskReview,
  type Unclassified,
} from '@duty-ledger/plan-import';
import { commandContextOf } from '../shared/command-context';
import type { CommandRequest } from '../shared/request-context';
import { ImportPlanDto } from './import-plan.dto';
import { ImportPlanCommand, type ImportPlanResult } from './import-plan.command';
import { readPlan, type PlanView } from './read-plan';
import { UNIT_REGISTRY } from './unit-registry.token';
import { importResponse, type ImportPlanResponse } from './import-response';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(UNIT_REGISTRY) private readonly registry: UnitRegistry,
  ) {}

  /** 立项: register a plan from its text or its structured form. Admin only. */
  @Post()
  @Roles('admin')
  async import(
    @Body() body: ImportPlanDto,
    @Req() req: CommandRequest,
  ): Promise<
    ImportPlanResponse & {
      unclassified: Unclassified[];
      warnings: string[];
      review: TaskReview[];
      noticeRef?: string;
    }
  > {
    const context = commandContextOf(req, this.clock);
    let draft: PlanDraft;
    let unclassified: Unclassified[] = [];
    let warnings: string[] = [];
    let review: TaskReview[] = [];
    let sourceSha256: string | undefined;
    if (body.text !== undefined) {
      const parsed = parsePlanText(body.text, {
        planId: body.planId,
        title: body.title,
        year: body.year,
      });
      ({ unclassified, warnings } = parsed);
      review = reviewAgainstRegistry(parsed.review, this.registry);
      draft = parsed.plan;
      const refusal = ownerlessRefusal(parsed);
      if (refusal) {
        throw new UnprocessableEntityException({
          message: refusal,
          plan: parsed.plan,
          review,
          warnings,
        });
      }
      sourceSha256 = createHash('sha256').update(body.text, 'utf8').digest('hex');
    } else {
      draft = {
        planId: body.planId,
        title: body.title!,
        year: body.year!,
        dueDate: body.dueDate!,
        sections: body.sections!,
        ...(body.noticeRef ? { noticeRef: body.noticeRef } : {}),
      };
    }
    warnings = [
      ...warnings,
      ...unknownUnits(draft, this.registry).map(
        (name) => `unit "${name}" is not in the unit registry: check the name, or add it`,
      ),
    ];
    if (draft.sections.every((s) => s.tasks.length === 0)) {
      throw new UnprocessableEntityException(
        'The plan has no numbered tasks (一、 / （一） / 1. items with their units) to register',
      );
    }
    const planId =
      draft.planId ?? body.planId ?? `plan-${draft.year}-${context.command.commandId.slice(0, 8)}`;
    const result = await this.commandBus.execute<ImportPlanCommand, ImportPlanResult>(
      new ImportPlanCommand(
        {
          type: 'ImportPlan',
          data: {
            planId,
            draft,
            registry: this.registry,
            ...(sourceSha256 ? { sourceSha256 } : {}),
          },
          metadata: context.command,
        },
        context.eventMetadata,
      ),
    );
    return {
      ...importResponse(result),
      ...(draft.noticeRef ? { noticeRef: draft.noticeRef } : {}),
      unclassified,
      warnings,
      review,
    };
  }

  /** The plan with its tasks, targets, units and their ids, as the write side holds it now. */
  @Get(':planId')
  async get(@Param('planId') planId: string): Promise<PlanView> {
    const plan = await readPlan(this.store, planId);
    if (!plan) throw new NotFoundException(`plan ${planId} does not exist`);
    return plan;
  }
}
