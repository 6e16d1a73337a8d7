import { Body, Controller, Inject, Post, UnprocessableEntityException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { Roles } from '@duty-ledger/auth';
import type { PlanDraft, UnitRegistry } from '@duty-ledger/domain';
import {
  ownerlessRefusal,
  parsePlanText,
  reviewAgainstRegistry,
  unknownUnits,
  type TaskReview,
  type Unclassified,
} from '@duty-ledger/plan-import';
import { CommandContextParam, type CommandContext } from '../../shared/command-context';
import { UNIT_REGISTRY } from '../unit-registry.token';
import { ImportPlanCommand, type ImportPlanResult } from './import-plan.command';
import { ImportPlanDto } from './import-plan.dto';
import { importResponse, type ImportPlanResponse } from './import-response';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class ImportPlanController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(UNIT_REGISTRY) private readonly registry: UnitRegistry,
  ) {}

  /** 立项: register a plan from its text or its structured form. Admin only. */
  @Post()
  @Roles('admin')
  async import(
    @Body() body: ImportPlanDto,
    @CommandContextParam() context: CommandContext,
  ): Promise<
    ImportPlanResponse & {
      unclassified: Unclassified[];
      warnings: string[];
      review: TaskReview[];
      noticeRef?: string;
    }
  > {
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
      draft.planId ?? body.planId ?? `plan-${draft.year}-${context.metadata.commandId.slice(0, 8)}`;
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
          metadata: context.metadata,
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
}
