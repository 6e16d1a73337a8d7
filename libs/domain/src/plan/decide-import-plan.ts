import type { PlanEvent } from '../events/plan-events';
import type { TaskEvent } from '../events/task-events';
import { IllegalStateError } from '../errors';
import { planStreamId, targetIdOf, taskIdOf, taskStreamId } from '../ids';
import type { SectionDraft, TaskDraft, UnitRegistry } from '../model/plan-draft';
import { requireRole } from '../shared/authority';
import { compact } from '../shared/text-rules';
import type { ImportPlan } from './commands/import-plan';
import { expandUnits } from './rules/expand-units';
import { validateDraft } from './rules/validate-draft';
import type { PlanState } from './plan-state';

/** Events to append to one stream. */
export interface StreamEvents {
  readonly streamId: string;
  readonly events: readonly (PlanEvent | TaskEvent)[];
}

/** Why the import assigns the units its text names. */
export const PLAN_TEXT_REASON = '计划文本指定';

/**
 * Registers a plan: PlanRegistered on the plan stream, then per task its registration, its
 * targets (numbered 1..n) and the units the text names, task-level. Only an admin imports.
 */
export function decideImportPlan(command: ImportPlan, state: PlanState): StreamEvents[] {
  requireRole(command.metadata.actor, 'admin');
  const { planId, draft, registry, sourceSha256 } = command.data;
  if (state.status !== 'none') {
    throw new IllegalStateError(`plan ${state.planId} is already registered`, {
      planId: state.planId,
    });
  }
  validateDraft(planId, draft, sourceSha256);

  const planRegistered: PlanEvent = {
    type: 'PlanRegistered',
    schemaVersion: 2,
    data: compact({
      planId,
      title: draft.title,
      year: draft.year,
      dueDate: draft.dueDate,
      sections: draft.sections.map(({ no, title }) => ({ no, title })),
      tasks: draft.sections.flatMap((section) =>
        section.tasks.map((task) => ({
          taskId: taskIdOf(planId, task.no),
          no: task.no,
          title: task.title,
          sectionNo: section.no,
        })),
      ),
      sourceSha256,
      noticeRef: draft.noticeRef,
    }),
  };
  return [
    { streamId: planStreamId(planId), events: [planRegistered] },
    ...draft.sections.flatMap((section) =>
      section.tasks.map((task) => taskStream(planId, draft.dueDate, section, task, registry)),
    ),
  ];
}

function taskStream(
  planId: string,
  planDueDate: string,
  section: SectionDraft,
  task: TaskDraft,
  registry: UnitRegistry,
): StreamEvents {
  const taskId = taskIdOf(planId, task.no);
  const dueDate = task.dueDate ?? planDueDate;
  const events: TaskEvent[] = [
    {
      type: 'TaskRegistered',
      schemaVersion: 2,
      data: compact({
        planId,
        taskId,
        no: task.no,
        sectionNo: section.no,
        sectionTitle: section.title,
        title: task.title,
        body: task.body,
        dueDate,
        sectionPath: task.sectionPath,
      }),
    },
    ...task.targets.map((target, i): TaskEvent => ({
      type: 'TargetRegistered',
      schemaVersion: 2,
      data: compact({
        planId,
        taskId,
        targetId: targetIdOf(taskId, i + 1),
        metric: target.metric,
        value: target.value,
        unit: target.unit,
        comparator: target.comparator,
        approximate: target.approximate,
        kind: target.kind,
        measure: target.measure,
        dueDate: target.dueDate ?? dueDate,
        sourceText: target.sourceText,
        baseline: target.baseline,
      }),
    })),
    ...expandUnits(task.leads, task.supporting, registry).map(({ role, ...unit }): TaskEvent => {
      const data = { taskId, ...unit, reason: PLAN_TEXT_REASON };
      return role === 'lead'
        ? { type: 'LeadAssigned', schemaVersion: 1, data }
        : { type: 'SupportingUnitAssigned', schemaVersion: 1, data };
    }),
  ];
  return { streamId: taskStreamId(taskId), events };
}
