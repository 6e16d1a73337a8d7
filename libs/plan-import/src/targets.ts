import { deadlinesIn, withoutDeadlines } from './deadlines';
import type { Comparator, TargetDraft } from './domain';
import { measureOf, readNumbers, type Quantity } from './number-scan';
import type { Unclassified } from './parse-result';
import { sentencesOf } from './sentences';
import {
  COMPARATOR_BEFORE,
  CUMULATIVE_WORDS,
  GROWTH_METRIC,
  LEADING_FILLERS,
  LEVEL_METRIC,
  TRAILING_FILLERS,
} from './target-words';
import { splitTopLevel, trailingBracket } from './text/brackets';
import { toAsciiDigits } from './text/numbers';

export interface TargetContext {
  readonly taskNo: number;
  readonly year: number;
  /** Targets due on this date carry no dueDate of their own. */
  readonly planDueDate: string;
}

export interface TargetExtraction {
  readonly targets: TargetDraft[];
  readonly unclassified: Unclassified[];
  readonly warnings: string[];
}

/**
 * The quantified targets of a task's text. Each clause (between commas) is read on its own; a
 * clause with one quantity gives one target, its metric being the words around the number. A
 * clause with several is split at 、 and each part must hold one quantity, else its numbers are
 * reported as unclassified (ranges, baselines "由10个提高到20个", comparisons).
 */
export function extractTargets(text: string, ctx: TargetContext): TargetExtraction {
  const out: TargetExtraction = { targets: [], unclassified: [], warnings: [] };
  for (const sentence of sentencesOf(text)) {
    for (const clause of sentence.clauses) {
      const readings = readNumbers(clause);
      for (const r of readings) {
        if (r.kind === 'unclassified') {
          out.unclassified.push({
            taskNo: ctx.taskNo,
            sentence: sentence.text,
            fragment: clause.slice(r.start, r.end),
            reason: r.reason,
          });
        }
      }
      const quantities = readings.filter((r): r is Quantity => r.kind === 'quantity');
      if (quantities.length === 1) {
        addTarget(out, clause, quantities[0], '', clause, sentence.text, ctx);
      } else if (quantities.length > 1) {
        splitClause(out, clause, quantities[0].start, sentence.text, ctx);
      }
    }
  }
  return out;
}

function splitClause(
  out: TargetExtraction,
  clause: string,
  firstNumberAt: number,
  sentence: string,
  ctx: TargetContext,
): void {
  // "累计建成A3个、B5个": the words before the first number govern every part.
  const shared = clause.slice(0, firstNumberAt);
  for (const part of splitTopLevel(clause, '、')) {
    const quantities = readNumbers(part.text).filter((r): r is Quantity => r.kind === 'quantity');
    if (quantities.length === 1) {
      addTarget(
        out,
        part.text,
        quantities[0],
        part.start === 0 ? '' : shared,
        clause,
        sentence,
        ctx,
      );
      continue;
    }
    for (const q of quantities) {
      out.unclassified.push({
        taskNo: ctx.taskNo,
        sentence,
        fragment: part.text.slice(q.start, q.end),
        reason: 'one of several quantities in one phrase (a range, a baseline or a comparison?)',
      });
    }
  }
}

function addTarget(
  out: TargetExtraction,
  phrase: string,
  q: Quantity,
  shared: string,
  clause: string,
  sentence: string,
  ctx: TargetContext,
): void {
  const pre = phrase.slice(0, q.start);
  const post = phrase.slice(q.end);
  const before = comparatorBefore(pre);
  const comparator: Comparator | undefined = before ?? q.comparatorAfter;

  if (q.unitClass === 'duration' && !comparator) {
    // "5分钟推送现场视频": a response standard, not a quantity to reach.
    if (/^[\u4e00-\u9fff]/.test(post)) return;
    out.unclassified.push({
      taskNo: ctx.taskNo,
      sentence,
      fragment: phrase.slice(q.start, q.end),
      reason: 'a duration with no comparator (以内, 不超过 …)',
    });
    return;
  }

  const metric =
    metricOf(withoutDeadlines(pre, ctx.year), withoutDeadlines(post, ctx.year)) || clause;
  let measure = measureOf(q.unitClass);
  if (measure === 'count' && /(率|占比|比例|比重)$/.test(metric)) measure = 'ratio';
  const kind = CUMULATIVE_WORDS.test(shared + pre)
    ? 'cumulative'
    : measure === 'ratio' && GROWTH_METRIC.test(metric)
      ? 'in-period'
      : measure === 'ratio' || measure === 'level' || LEVEL_METRIC.test(metric)
        ? 'level'
        : 'in-period';
  const due = deadlinesIn(clause, ctx.year).at(-1);

  if (q.unitMissing) {
    out.warnings.push(
      `task ${ctx.taskNo}: "${clause}" names no unit after the number; the target's unit is left empty`,
    );
  }
  out.targets.push({
    metric,
    value: q.value,
    unit: q.unit,
    comparator: comparator ?? 'gte',
    ...(q.approximate ? { approximate: true } : {}),
    kind,
    measure,
    ...(due && due !== ctx.planDueDate ? { dueDate: due } : {}),
    sourceText: clause,
  });
}

function comparatorBefore(pre: string): Comparator | undefined {
  const tail = pre.replace(/[\s\u3000]+$/, '');
  return COMPARATOR_BEFORE.find(([w]) => tail.endsWith(w))?.[1];
}

/**
 * What is measured: the words before the number without their fillers and comparator, then the
 * words after the unit ("完成100个住宅小区地下车库移动通信网络覆盖" → "住宅小区地下车库移动通信网络覆盖";
 * "固定宽带平均接入带宽超400Mbps" → "固定宽带平均接入带宽").
 */
export function metricOf(pre: string, post: string): string {
  return trimPunctuation(cleanPre(pre) + cleanPost(post));
}

function cleanPre(pre: string): string {
  let s = trimPunctuation(pre);
  for (let changed = true; changed;) {
    changed = false;
    const lead = LEADING_FILLERS.find((w) => s.startsWith(w));
    if (lead) {
      s = s.slice(lead.length);
      changed = true;
    }
    const trail = TRAILING_FILLERS.find((w) => s.endsWith(w));
    if (trail) {
      s = s.slice(0, -trail.length);
      changed = true;
    }
  }
  return s.replace(/目标/g, '');
}

function cleanPost(post: string): string {
  let s = trimPunctuation(post);
  // "7个“一件事”和优化的“12件事”在长宁落地": stop where another quantity or name begins.
  for (const piece of splitTopLevel(s, '和及并').slice(1)) {
    if (/[0-9“"「]/.test(toAsciiDigits(s.slice(piece.start)))) {
      s = s.slice(0, piece.start - 1);
      break;
    }
  }
  const bracket = trailingBracket(s);
  if (bracket && bracket.start > 0) s = s.slice(0, bracket.start);
  return s;
}

const trimPunctuation = (s: string): string =>
  s.replace(/^[\s\u3000,，、;；:：。]+|[\s\u3000,，、;；:：。]+$/g, '');
