import { RuleViolationError } from '../../errors';
import type { PlanDraft } from '../../model/plan-draft';
import { requireIsoDate } from '../../shared/dates';
import { requireFiniteNumber, requireText } from '../../shared/text-rules';

const PLAN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The invariants the stream ids and due dates rest on. Everything else about a draft's shape
 * is checked at the edge.
 */
export function validateDraft(
  planId: string,
  draft: PlanDraft,
  sourceSha256: string | undefined,
): void {
  if (!PLAN_ID.test(planId)) {
    throw new RuleViolationError('planId must be lower-case letters, digits and single dashes', {
      planId,
    });
  }
  if (draft.planId !== undefined && draft.planId !== planId) {
    throw new RuleViolationError('the draft names a different planId', {
      planId,
      draftPlanId: draft.planId,
    });
  }
  if (sourceSha256 !== undefined && !SHA256.test(sourceSha256)) {
    throw new RuleViolationError('sourceSha256 must be 64 lower-case hex digits', { sourceSha256 });
  }
  requireText(draft.title, 'title');
  if (!Number.isInteger(draft.year))
    throw new RuleViolationError('year must be an integer', { year: draft.year });
  requireIsoDate(draft.dueDate, 'dueDate');

  const tasks = draft.sections.flatMap((s) => s.tasks);
  if (tasks.length === 0) throw new RuleViolationError('a plan needs at least one task');
  const numbers = new Set<number>();
  for (const task of tasks) {
    if (!Number.isInteger(task.no) || task.no < 1) {
      throw new RuleViolationError('task numbers must be positive integers', { no: task.no });
    }
    if (numbers.has(task.no))
      throw new RuleViolationError(`task number ${task.no} appears twice`, { no: task.no });
    numbers.add(task.no);
    requireText(task.title, `task ${task.no} title`);
    if (task.dueDate !== undefined) requireIsoDate(task.dueDate, `task ${task.no} dueDate`);
    [...task.leads, ...task.supporting].forEach((ref) =>
      requireText(ref.name, `task ${task.no} unit name`),
    );
    task.targets.forEach((target, i) => {
      requireFiniteNumber(target.value, `task ${task.no} target ${i + 1} value`);
      // The unit of measure may be empty: "全年总计归集数据不低于132万" names none, and the
      // register keeps what the text says rather than a guessed unit.
      if (typeof target.unit !== 'string') {
        throw new RuleViolationError(`task ${task.no} target ${i + 1} unit must be text`);
      }
      if (target.dueDate !== undefined)
        requireIsoDate(target.dueDate, `task ${task.no} target ${i + 1} dueDate`);
    });
  }
}
