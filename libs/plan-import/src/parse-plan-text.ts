import { deadlinesIn } from './deadlines';
import { CHROME, splitDocument } from './document-parts';
import type { SectionDraft, TaskDraft, UnitRef } from './domain';
import type { ParsePlanOptions, ParseResult, TaskReview, Unclassified } from './parse-result';
import { inferTitle, inferYear } from './plan-header';
import { splitPlanLines, type RawTask } from './plan-structure';
import { tableRowsToLines } from './table-rows';
import { extractTargets } from './targets';
import {
  parseUnitClause,
  splitUnitClause,
  withFirstListedLead,
  type UnitAssignment,
} from './unit-clause';

const PLAN_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const trim = (s: string): string => s.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');

/**
 * A plan's text to a PlanDraft. Pure: no I/O, no clock. What it cannot classify it reports in
 * `unclassified` (numbers that may be targets), `warnings` (structure it worked around) and, per
 * task, in `review`; it does not guess silently. Sections without tasks ("一、总体要求") are left
 * out of the draft.
 *
 * @throws Error when no year is given and none can be read from the text.
 */
export function parsePlanText(text: string, options: ParsePlanOptions = {}): ParseResult {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map(trim)
    .filter((line) => line.length > 0);
  const doc = splitDocument(lines);
  const raw = splitPlanLines(tableRowsToLines(doc.plan));
  const preamble = raw.preamble.filter((line) => !CHROME.test(line)).join('\n');
  const named = doc.title ?? doc.quotedTitle;
  const year =
    options.year ??
    yearOf(named) ??
    inferYear(raw.preamble.join('\n'), preamble) ??
    doc.noticeYear ??
    inferYear(text, doc.notice.join('\n'));
  if (year === undefined) {
    throw new Error('parsePlanText: the text names no plan year; pass options.year');
  }
  const warnings: string[] = [];
  const unclassified: Unclassified[] = [];
  const review: TaskReview[] = [];
  const dueDate = `${year}-12-31`;

  let title = options.title ?? named ?? inferTitle(raw.preamble[0] ?? '', preamble, year);
  if (!title) {
    title = `${year}年度工作方案`;
    warnings.push(`no title found in the text; using "${title}" (pass options.title)`);
  }
  if (options.planId !== undefined && !PLAN_ID.test(options.planId)) {
    warnings.push(`planId "${options.planId}" is not lower-case letters, digits and '-'`);
  }

  const sections: SectionDraft[] = [];
  const context: TaskContext = { year, planDueDate: dueDate, firstListedLeads: false };
  let expectedNo = 1;
  for (const section of raw.sections) {
    if (section.no === '' && raw.sections.length > 1)
      warnings.push('tasks before the first section heading are put in a section with no numeral');
    const tasks = section.tasks.map((t) => {
      if (raw.numberedByDocument && t.no !== expectedNo)
        warnings.push(`task ${t.no}: expected task ${expectedNo} here`);
      expectedNo = t.no + 1;
      const built = buildTask(t, context);
      warnings.push(...built.review.warnings);
      unclassified.push(...built.unclassified);
      review.push(built.review);
      return built.task;
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
      ...(doc.noticeRef ? { noticeRef: doc.noticeRef } : {}),
    },
    unclassified,
    warnings,
    review,
  };
}

const yearOf = (title: string | undefined): number | undefined => {
  const m = /((?:19|20)\d{2})\s*年/.exec(title ?? '');
  return m ? Number(m[1]) : undefined;
};

interface TaskContext {
  readonly year: number;
  readonly planDueDate: string;
  /** Set once a list said "列第一位者为牵头单位,下同": later lists lead with their first unit. */
  firstListedLeads: boolean;
}

function buildTask(
  raw: RawTask,
  context: TaskContext,
): { task: TaskDraft; review: TaskReview; unclassified: Unclassified[] } {
  const warnings: string[] = [];
  const { rest, units: bracketUnits } = splitUnitClause(raw.text);
  const units = unitsOf(raw, bracketUnits, context);
  if (!units)
    warnings.push(`task ${raw.no}: no unit bracket at the end; no lead or supporting units`);
  else if (units.leads.length === 0) warnings.push(`task ${raw.no}: no lead unit`);
  for (const w of units?.warnings ?? []) warnings.push(`task ${raw.no}: ${w}`);
  const leads = units?.leads ?? [];
  const supporting = units?.supporting ?? [];
  for (const twice of bothRoles(leads, supporting)) {
    warnings.push(`task ${raw.no}: ${twice} is both lead and supporting`);
  }

  let title: string;
  let body: string;
  if (raw.headingTitle) {
    title = raw.headingTitle;
    body = rest.slice(rest.indexOf(raw.headingTitle) + raw.headingTitle.length).trim();
  } else {
    const stop = rest.indexOf('。');
    title = (stop < 0 ? rest : rest.slice(0, stop)).trim().replace(/[.．]$/, '');
    body = stop < 0 ? '' : rest.slice(stop + 1).trim();
  }

  const found = extractTargets(body ? `${title}。${body}` : title, {
    taskNo: raw.no,
    year: context.year,
    planDueDate: context.planDueDate,
  });
  warnings.push(...found.warnings);

  const fields = raw.fields.join('\n');
  const latest = deadlinesIn(`${rest}\n${fields}`, context.year).sort().at(-1);
  const task: TaskDraft = {
    no: raw.no,
    title,
    body,
    ...(latest && latest !== context.planDueDate ? { dueDate: latest } : {}),
    leads,
    supporting,
    targets: found.targets,
    ...(raw.sectionPath.length > 0 ? { sectionPath: raw.sectionPath } : {}),
  };
  return {
    task,
    unclassified: found.unclassified,
    review: {
      no: raw.no,
      title,
      sectionPath: raw.sectionPath,
      leads: leads.map((u) => u.name),
      supporting: supporting.map((u) => u.name),
      groups: [...leads, ...supporting].filter((u) => u.group).map((u) => u.name),
      targets: found.targets.map((t) => ({
        sourceText: t.sourceText,
        metric: t.metric,
        value: t.value,
        unit: t.unit,
        comparator: t.comparator,
        ...(t.approximate ? { approximate: true } : {}),
        ...(t.dueDate ? { dueDate: t.dueDate } : {}),
      })),
      ...(task.dueDate ? { dueDate: task.dueDate } : {}),
      notes: [...(units?.notes ?? []), ...raw.fields],
      unrecognised: found.unclassified.map((u) => `${u.fragment}: ${u.reason}`),
      warnings,
      needsReview: leads.length === 0 || warnings.length > 0 || found.unclassified.length > 0,
    },
  };
}

/**
 * The units of a task: its closing bracket, else its own 牵头单位/责任单位 lines, else the bracket
 * of the heading above it. A list that says its first unit leads makes it so, also for the lists
 * after it when it says 下同.
 */
function unitsOf(
  raw: RawTask,
  bracket: UnitAssignment | undefined,
  context: TaskContext,
): UnitAssignment | undefined {
  const own =
    bracket ??
    (raw.unitLines.length > 0 ? parseUnitClause(raw.unitLines.join(';')) : undefined) ??
    (raw.inheritedUnits ? splitUnitClause(raw.inheritedUnits).units : undefined);
  if (!own) return undefined;
  if (own.firstListedLeads === 'onwards') context.firstListedLeads = true;
  const namesNoLead = own.supporting.length === 0 && own.leads.length > 1;
  return (own.firstListedLeads || context.firstListedLeads) && namesNoLead
    ? withFirstListedLead(own)
    : own;
}

function bothRoles(leads: readonly UnitRef[], supporting: readonly UnitRef[]): string[] {
  const leadNames = new Set(leads.map((u) => u.name));
  return supporting.map((u) => u.name).filter((name) => leadNames.has(name));
}
