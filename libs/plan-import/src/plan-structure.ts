import { splitUnitClause } from './unit-clause';

export interface RawTask {
  readonly no: number;
  /** The task's text after "N、", continuation lines joined. */
  text: string;
}

export interface RawSection {
  /** The numeral as written (二, 三 …); '' for tasks that precede every section heading. */
  readonly no: string;
  readonly title: string;
  readonly tasks: RawTask[];
}

export interface RawPlan {
  /** Lines before the first section heading or task. */
  readonly preamble: string[];
  readonly sections: RawSection[];
}

const SECTION = /^([一二三四五六七八九十百]+)\s*[、.．]\s*(\S.*)$/;
const TASK = /^([0-9０-９]{1,3})\s*(?:、|[.．](?![0-9０-９]))\s*(\S.*)$/;
const trim = (s: string): string => s.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');

/**
 * Lines to sections and tasks. "二、…" opens a section, "1、…" a task. A line that is neither
 * continues the open task while that task has not reached its closing unit bracket; otherwise it
 * is prose (a section's introduction) and is not part of any task.
 */
export function splitPlanLines(text: string): RawPlan {
  const preamble: string[] = [];
  const sections: RawSection[] = [];
  let task: RawTask | undefined;
  for (const line of text.split(/\r\n|\r|\n/).map(trim)) {
    if (!line) continue;
    const section = SECTION.exec(line);
    if (section) {
      sections.push({ no: section[1], title: section[2].trim(), tasks: [] });
      task = undefined;
      continue;
    }
    const start = TASK.exec(line);
    if (start) {
      if (sections.length === 0) sections.push({ no: '', title: '', tasks: [] });
      task = {
        no: Number(start[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))),
        text: start[2],
      };
      sections[sections.length - 1].tasks.push(task);
      continue;
    }
    if (task && !splitUnitClause(task.text).units) {
      task.text += line;
      continue;
    }
    if (sections.length === 0) preamble.push(line);
  }
  return { preamble, sections };
}
