import { deadlinesIn } from './deadlines';
import type { SectionDraft, TaskDraft, UnitRef } from './domain';
import type { ParsePlanOptions, ParseResult, Unclassified } from './parse-result';
import { inferTitle, inferYear } from './plan-header';
import { splitPlanLines, type RawTask } from './plan-structure';
import { extractTargets } from './targets';
import { splitUnitClause } from './unit-clause';

const PLAN_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A plan's text to a PlanDraft. Pure: no I/O, no clock. What it cannot classify it reports in
 * `unclassified` (numbers that may be targets) and `warnings` (structure it worked around); it
 * does not guess silently. Sections without tasks ("一、总体要求") are left out of the draft.
 *
 * @throws Error when no year is given and none can be read from the text.
 */
export function parsePlanText(text: string, options: ParsePlanOptions = {}): ParseResult {
  const raw = splitPlanLines(text);
  const preamble = raw.preamble.join('\n');
  const year = options.year ?? inferYear(text, preamble);
  if (year === undefined) {
    throw new Error('parsePlanText: the text names no plan year; pass options.year');
  }
  const warnings: string[] = [];
  const unclassified: Unclassified[] = [];
  const dueDate = `${year}-12-31`;

  let title = options.title ?? inferTitle(raw.preamble[0] ?? '', preamble, year);
  if (!title) {
    title = `${year}年度工作方案`;
    warnings.push(`no title found in the text; using "${title}" (pass options.title)`);
  }
  if (options.planId !== undefined && !PLAN_ID.test(options.planId)) {
    warnings.push(`planId "${options.planId}" is not lower-case letters, digits and '-'`);
  }

  const sections: SectionDraft[] = [];
  let expectedNo = 1;
  for (const section of raw.sections) {
    if (section.tasks.length === 0) continue;
    if (section.no === '')
      warnings.push('tasks before the first section heading are put in a section with no numeral');
    const tasks = section.tasks.map((t) => {
      if (t.no !== expectedNo) warnings.push(`task ${t.no}: expected task ${expectedNo} here`);
      expectedNo = t.no + 1;
      return buildTask(t, year, dueDate, warnings, unclassified);
    });
    sections.push({ no: section.no, title: section.title, tasks });
  }
  if (sections.length === 0) warnings.push('no numbered tasks found');

  return {
    plan: {
      ...(options.planId !== undefined ? { planId: options.planId } : {}),
      title,
      year,
      dueDate,
      sections,
    },
    unclassified,
    warnings,
  };
}

function buildTask(
  raw: RawTask,
  year: number,
  planDueDate: string,
  warnings: string[],
  unclassified: Unclassified[],
): TaskDraft {
  const { rest, units } = splitUnitClause(raw.text);
  if (!units)
    warnings.push(`task ${raw.no}: no unit bracket at the end; no lead or supporting units`);
  else if (units.leads.length === 0) warnings.push(`task ${raw.no}: no lead unit`);
  for (const w of units?.warnings ?? []) warnings.push(`task ${raw.no}: ${w}`);
  const leads = units?.leads ?? [];
  const supporting = units?.supporting ?? [];
  for (const twice of bothRoles(leads, supporting)) {
    warnings.push(`task ${raw.no}: ${twice} is both lead and supporting`);
  }

  const stop = rest.indexOf('。');
  const title = stop < 0 ? rest.trim() : rest.slice(0, stop).trim();
  const body = stop < 0 ? '' : rest.slice(stop + 1).trim();

  const found = extractTargets(stop < 0 ? title : `${title}。${body}`, {
    taskNo: raw.no,
    year,
    planDueDate,
  });
  warnings.push(...found.warnings);
  unclassified.push(...found.unclassified);

  const latest = deadlinesIn(rest, year).sort().at(-1);
  return {
    no: raw.no,
    title,
    body,
    ...(latest && latest !== planDueDate ? { dueDate: latest } : {}),
    leads,
    supporting,
    targets: found.targets,
  };
}

function bothRoles(leads: readonly UnitRef[], supporting: readonly UnitRef[]): string[] {
  const leadNames = new Set(leads.map((u) => u.name));
  return supporting.map((u) => u.name).filter((name) => leadNames.has(name));
}
