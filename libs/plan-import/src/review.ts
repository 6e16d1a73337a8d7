import type { ParseResult } from './parse-result';

/**
 * Why a plan read from text must not be registered as it stands, or undefined when it may: a
 * task without a lead unit would become an obligation nobody owes. The admin reviews the
 * structure (the import answer and the dry run carry it, task by task) and sends it as JSON
 * with the owners filled in.
 */
export function ownerlessRefusal(result: ParseResult): string | undefined {
  const ownerless = result.review.filter((task) => task.leads.length === 0).map((t) => t.no);
  if (ownerless.length === 0) return undefined;
  return (
    `${ownerless.length} of ${result.review.length} tasks name no lead unit ` +
    `(task ${ownerless.join(', ')}); the text alone is not registered: review the structure ` +
    `and send it as JSON (title, year, dueDate, sections) with each task's leads`
  );
}
