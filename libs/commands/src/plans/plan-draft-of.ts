import { UnprocessableEntityException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { PlanDraft, UnitRegistry } from '@duty-ledger/domain';
import {
  ownerlessRefusal,
  parsePlanText,
  reviewAgainstRegistry,
  unknownUnits,
  type TaskReview,
  type Unclassified,
} from '@duty-ledger/plan-import';
import type { ImportPlanDto } from './import-plan/import-plan.dto';

export interface PlanSource {
  readonly draft: PlanDraft;
  readonly unclassified: Unclassified[];
  readonly warnings: string[];
  /** Per task, what the parser made of it (text only). */
  readonly review: TaskReview[];
  readonly sourceSha256?: string;
}

/**
 * The draft a request stands for: its structured plan, or its text parsed. A text the parser
 * cannot take is the caller's to fix, so it is a 422 that says what to do, never a 500.
 */
export function planDraftOf(body: ImportPlanDto, registry: UnitRegistry): PlanSource {
  let source: PlanSource;
  if (body.text === undefined) {
    source = {
      draft: {
        planId: body.planId,
        title: body.title!,
        year: body.year!,
        dueDate: body.dueDate!,
        sections: body.sections!,
        ...(body.noticeRef ? { noticeRef: body.noticeRef } : {}),
      },
      unclassified: [],
      warnings: [],
      review: [],
    };
  } else {
    const parsed = parseText(body.text, body);
    const review = reviewAgainstRegistry(parsed.review, registry);
    const refusal = ownerlessRefusal(parsed);
    if (refusal) {
      throw new UnprocessableEntityException({
        message: refusal,
        plan: parsed.plan,
        review,
        warnings: parsed.warnings,
      });
    }
    source = {
      draft: parsed.plan,
      unclassified: parsed.unclassified,
      warnings: parsed.warnings,
      review,
      sourceSha256: createHash('sha256').update(body.text, 'utf8').digest('hex'),
    };
  }
  if (source.draft.sections.every((s) => s.tasks.length === 0)) {
    throw new UnprocessableEntityException(
      '计划中没有可登记的编号任务（一、 /（一）/ 1. 及其责任单位）',
    );
  }
  const unknown = unknownUnits(source.draft, registry).map(
    (name) => `unit "${name}" is not in the unit registry: check the name, or add it`,
  );
  return { ...source, warnings: [...source.warnings, ...unknown] };
}

function parseText(text: string, body: ImportPlanDto) {
  const options = { planId: body.planId, title: body.title, year: body.year };
  try {
    return parsePlanText(text, options);
  } catch (error) {
    // Which failure it was is told by trying again with a year: the parser's messages are its own.
    if (body.year === undefined && parses(text, { ...options, year: 2000 }))
      throw new UnprocessableEntityException(
        '计划文本未写明年度（如“制定2024年度工作方案”）：请在文本中写明年度，或在请求中给出 year',
      );
    throw new UnprocessableEntityException(
      `计划文本无法解析：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function parses(text: string, options: Parameters<typeof parsePlanText>[1]): boolean {
  try {
    parsePlanText(text, options);
    return true;
  } catch {
    return false;
  }
}
