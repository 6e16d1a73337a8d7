import { numberedLine } from './numbering';
import { toSimplifiedStructure } from './text/script';

/**
 * A published plan often comes inside its 印发通知: the notice's title, addressees, a few
 * paragraphs (sometimes numbered 一、二、), the issuing office and the date, "(此件公开发布)",
 * then the plan's own title. Site pages add chrome (来源, 更新时间, 浏览次数, 索引号 tables).
 */
export interface DocumentParts {
  /** Lines of the notice and the page around it, before the plan starts. */
  readonly notice: readonly string[];
  /** The plan's own title line(s) joined, when it has one. */
  readonly title?: string;
  /** The plan from after its title: introduction, headings, tasks. */
  readonly plan: readonly string[];
  /** The notice's 文号 (蔡政办〔2023〕1号), when the page shows it. */
  readonly noticeRef?: string;
  /** The plan's name as the notice quotes it: 《北京市2016年政务公开工作要点》. */
  readonly quotedTitle?: string;
  /** The year of the notice's date line. */
  readonly noticeYear?: number;
}

export const DOC_KIND = /(方案|计划|要点|分解|清单|任务|安排)$/;
const DATE_LINE = /^(\d{4})年\d{1,2}月\d{1,2}日$/;
const NOTICE_WORDS = /印发|转发|通知|现将/;
const AFTER_SIGNATURE = /^([(（]此件.*[)）]|附件\s*\d*)$/;
const SENTENCE_MARKS = /[。；;:：!?！？,，]/;
const DOC_NUMBER = '[\\u4e00-\\u9fff]{1,10}\\s*[〔［\\[]\\d{4}[〕］\\]]\\s*\\d+\\s*号';
const LABELLED_NUMBER = new RegExp(`(?:文\\s*号|发文字号|发文文号)\\s*[:：|]?\\s*(${DOC_NUMBER})`);
const STANDALONE_NUMBER = new RegExp(`^(${DOC_NUMBER})$`);
/** Site chrome: page furniture that is neither notice nor plan. */
export const CHROME =
  /^(•\s*)?(来源|信息来源|发布时间|更新时间|发布日期|浏览次数|点击量|字号|分享到|打印|首页|当前位置|>|索\s*引\s*号|全文$)/;

const compact = (line: string): string => line.replace(/[\s\u3000]+/g, '');

/**
 * Where the plan starts: after the notice's date line (the first line that is only a date, once
 * the text has said 印发/通知), skipping "(此件公开发布)" and "附件1"; its title is the first one to
 * three short lines without sentence punctuation that end in a document kind (方案, 要点, 分解 …).
 */
export function splitDocument(lines: readonly string[]): DocumentParts {
  const simplified = lines.map((line) => toSimplifiedStructure(compact(line)));
  let start = 0;
  let noticeYear: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const date = DATE_LINE.exec(simplified[i]);
    if (date && simplified.slice(0, i).some((line) => NOTICE_WORDS.test(line))) {
      start = i + 1;
      noticeYear = Number(date[1]);
      break;
    }
  }
  while (start < lines.length && AFTER_SIGNATURE.test(simplified[start])) start++;

  let title: string | undefined;
  let planStart = start;
  for (let n = 1; n <= 3 && start + n <= lines.length; n++) {
    const parts = lines.slice(start, start + n);
    if (parts.some((line) => !isTitleLine(line))) break;
    const joined = parts.map(compactTitle).join('');
    if (DOC_KIND.test(toSimplifiedStructure(joined))) {
      title = joined;
      planStart = start + n;
      break;
    }
  }

  const notice = lines.slice(0, start);
  return {
    notice,
    ...(title ? { title } : {}),
    plan: lines.slice(planStart),
    ...optional('noticeRef', noticeRefIn(notice)),
    ...optional('quotedTitle', quotedTitleIn(notice)),
    ...optional('noticeYear', noticeYear),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A title keeps its inner spaces only between Latin words; "任务分解 和责任分工方案" reads as one. */
const compactTitle = (line: string): string =>
  line.replace(/(?<![A-Za-z])[\s\u3000]+(?![A-Za-z])/g, '');

function isTitleLine(line: string): boolean {
  const text = compact(line);
  return (
    text.length > 0 &&
    text.length <= 40 &&
    !SENTENCE_MARKS.test(text) &&
    !numberedLine(line) &&
    !CHROME.test(line) &&
    !DATE_LINE.test(text)
  );
}

function noticeRefIn(notice: readonly string[]): string | undefined {
  for (const line of notice) {
    const simplified = toSimplifiedStructure(line.trim());
    const m = LABELLED_NUMBER.exec(simplified) ?? STANDALONE_NUMBER.exec(simplified);
    if (m) {
      const at = simplified.indexOf(m[1]);
      return compact(line.trim().slice(at, at + m[1].length));
    }
  }
  return undefined;
}

/** The plan's name quoted in the notice: the first 《…》 or 〈…〉 naming a document kind. */
function quotedTitleIn(notice: readonly string[]): string | undefined {
  for (const m of notice.join('\n').matchAll(/[《〈]([^《》〈〉\n]+)[》〉]/g)) {
    const name = compact(m[1]);
    if (DOC_KIND.test(toSimplifiedStructure(name)) && !/通知$/.test(name)) return name;
  }
  return undefined;
}
