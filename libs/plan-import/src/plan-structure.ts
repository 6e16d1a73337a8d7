import { arabicValue, numberedLine, type Level } from './numbering';
import { toSimplifiedStructure } from './text/script';
import { splitUnitClause } from './unit-clause';

export interface RawTask {
  /** The document's number when its tasks carry unique Arabic numbers, else the task's place. */
  readonly no: number;
  /** The numeral as written: 3, 二. */
  readonly label: string;
  /** The task's text after its numeral, continuation lines and sub-items joined. */
  readonly text: string;
  /** The heading line, when it stands alone as the title of the lines below it. */
  readonly headingTitle?: string;
  /** "牵头单位:…" / "责任单位:…" lines of their own after the task. */
  readonly unitLines: readonly string[];
  /** Other "<field>:<value>" lines after it (完成时限, 责任领导 …), from tables mostly. */
  readonly fields: readonly string[];
  /** The headings above the task, outermost first, without numerals or unit brackets. */
  readonly sectionPath: readonly string[];
  /** The unit bracket of the nearest heading that has one: it applies to the tasks under it. */
  readonly inheritedUnits?: string;
}

export interface RawSection {
  /** The numeral as written (二, 三 …); '' for tasks under no top-level heading. */
  readonly no: string;
  readonly title: string;
  readonly tasks: RawTask[];
}

export interface RawPlan {
  /** Lines before the first numbered line. */
  readonly preamble: string[];
  readonly sections: RawSection[];
  /** The numbering level that carries the tasks, when the plan has numbered lines. */
  readonly taskLevel?: Level;
  /** True when the tasks keep the document's own (Arabic, unique) numbers. */
  readonly numberedByDocument?: boolean;
}

interface Item {
  /** The line as written, numeral included. */
  readonly line: string;
  readonly level: Level;
  readonly label: string;
  readonly heading: string;
  readonly lines: string[];
}

/** Lines naming the units of the task above them: "责任单位:区发改局". */
export const UNIT_LINE =
  /^(牵头部门|牵头单位|责任部门|责任单位|主责部门|主责单位|配合部门|配合单位|协办单位|参与单位)\s*[:：]/;
const FIELD_LINE = /^(完成时限|完成时间|时间节点|责任领导|牵头领导|分管领导|责任人)\s*[:：]/;
/** Sections a reader skips: requirements and safeguards, not duties (unless a task names owners). */
const GENERAL_SECTION = /总体要求|指导思想|基本原则|工作原则|保障措施|组织实施|组织保障|工作要求/;

const closedByUnits = (text: string): boolean => splitUnitClause(text).units !== undefined;
const simplified = (line: string): string => toSimplifiedStructure(line);

/**
 * Lines to sections and tasks. The numbering level that carries the tasks is the one whose
 * items most often carry a unit annotation (a closing unit bracket or a 责任单位 line), the
 * deeper one on a tie; a plan without any takes its deepest level. Outer levels are headings (their titles form each task's
 * section path), deeper levels belong to the task above them. A line that is not numbered
 * continues the open task while the task has not reached its closing unit bracket; after it, it
 * is prose (a section's introduction) and belongs to no task.
 */
export function splitPlanLines(lines: readonly string[]): RawPlan {
  const preamble: string[] = [];
  const items: Item[] = [];
  for (const line of lines) {
    const numbered = numberedLine(line);
    if (numbered) items.push({ ...numbered, line, heading: numbered.text, lines: [] });
    else if (items.length > 0) items[items.length - 1].lines.push(line);
    else preamble.push(line);
  }
  if (items.length === 0) return { preamble, sections: [] };

  const taskLevel = chooseTaskLevel(items);
  const sections: RawSection[] = [];
  const path: { level: Level; label: string; title: string; units?: string }[] = [];
  const found: (OpenTask & { section: RawSection })[] = [];
  let open: (OpenTask & { section: RawSection }) | undefined;

  for (const item of items) {
    if (item.level < taskLevel) {
      open = undefined;
      while (path.length > 0 && path[path.length - 1].level >= item.level) path.pop();
      const { rest, units } = splitUnitClause(item.heading);
      path.push({
        level: item.level,
        label: item.label,
        title: trimTitle(rest),
        ...(units ? { units: item.heading.slice(rest.length).trim() } : {}),
      });
      continue;
    }
    if (item.level > taskLevel) {
      if (open) attach(open, item.line, item.lines);
      continue;
    }
    const top = path[0];
    let section = sections.find(
      (s) => s.no === (top?.label ?? '') && s.title === (top?.title ?? ''),
    );
    if (!section) {
      section = { no: top?.label ?? '', title: top?.title ?? '', tasks: [] };
      sections.push(section);
    }
    const inherited = [...path].reverse().find((h) => h.units)?.units;
    open = {
      label: item.label,
      text: '',
      unitLines: [],
      fields: [],
      sectionPath: path.map((h) => h.title),
      ...(inherited ? { inheritedUnits: inherited } : {}),
      section,
    };
    attach(open, item.heading, item.lines);
    if (!/[。.;；]/.test(item.heading) && open.text.length > item.heading.length) {
      open.headingTitle = trimTitle(item.heading);
    }
    found.push(open);
  }

  // General sections hold no tasks unless their items name owners.
  const kept = found.filter(
    (task) =>
      !GENERAL_SECTION.test(simplified(task.sectionPath[0] ?? '')) ||
      closedByUnits(task.text) ||
      task.unitLines.length > 0 ||
      task.inheritedUnits !== undefined,
  );
  // Number the tasks: the document's own numbers when they are Arabic and unique, else 1..n.
  const numbers = kept.map((t) => arabicValue(t.label));
  const numberedByDocument =
    numbers.every((n) => n !== undefined) && new Set(numbers).size === numbers.length;
  kept.forEach(({ section, ...task }, i) => {
    section.tasks.push({ ...task, no: numberedByDocument ? (numbers[i] as number) : i + 1 });
  });
  return {
    preamble,
    sections: sections.filter((s) => s.tasks.length > 0),
    taskLevel,
    numberedByDocument,
  };
}

type OpenTask = { -readonly [K in keyof Omit<RawTask, 'no'>]: Omit<RawTask, 'no'>[K] } & {
  unitLines: string[];
  fields: string[];
};

function attach(
  open: { text: string; unitLines: string[]; fields: string[] },
  first: string,
  lines: readonly string[],
): void {
  if (first) {
    // A sub-item goes into the task's text, before the unit bracket that closes the task.
    const { rest } = splitUnitClause(open.text);
    open.text = rest + first + open.text.slice(rest.length);
  }
  for (const line of lines) {
    const plain = simplified(line);
    if (UNIT_LINE.test(plain)) open.unitLines.push(line);
    else if (FIELD_LINE.test(plain)) open.fields.push(line);
    else if (!closedByUnits(open.text) && open.unitLines.length === 0) open.text += line;
  }
}

/**
 * The level whose items most often carry a unit annotation, the deeper one on a tie (a heading's
 * annotation covers the tasks under it); without any annotation, the deepest level (headings
 * group tasks, not the other way round).
 */
function chooseTaskLevel(items: readonly Item[]): Level {
  const annotated = new Map<Level, number>();
  for (const item of items) {
    const text = [item.heading, ...item.lines].join('');
    const hasUnits =
      closedByUnits(item.heading) ||
      closedByUnits(text) ||
      item.lines.some((line) => UNIT_LINE.test(simplified(line)));
    if (hasUnits) annotated.set(item.level, (annotated.get(item.level) ?? 0) + 1);
  }
  if (annotated.size > 0) {
    return [...annotated.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  }
  return Math.max(...items.map((item) => item.level)) as Level;
}

const trimTitle = (title: string): string => title.replace(/[\s\u3000。.．;；]+$/, '').trim();
