/**
 * Plan import: a plan's text to a PlanDraft (parsePlanText, pure), plus reading the seed files
 * (seed-files.ts, the only I/O). Decisions the text does not settle by itself:
 * - Sections without tasks ("一、总体要求") are left out of the draft.
 * - A task's title runs to its first 。; its body is the rest, without the title and without
 *   the closing unit bracket. A task without a 。 has the whole text as title and an empty body.
 * - Collective units (各街镇, 各相关单位, 各区级部门 …) stay groups: `{ name, group: true }`.
 * - Only Arabic numbers are read. Chinese numerals (四大领域, 十四五) name things here.
 * - Not targets, silently: years, dates, ordinals, numbers in 《》, 5G-like technical names,
 *   1+N names, durations without a comparator in the middle of a phrase or inside quotes
 *   ("5分钟推送现场视频", "15分钟社区美好生活圈").
 * - Unclassified (reported for a person to decide): counts inside quotes ("12件事": a named
 *   package, arguably also a count to deliver), ranges, numbers without a unit, several
 *   quantities in one phrase (baselines), durations without a comparator at a phrase end.
 * - 万/亿 scale the value unless the unit is money (2900亿元 → 2900 亿元). A number followed by
 *   万 and nothing else keeps an empty unit, with a warning ("不低于132万" → 1320000, unit "").
 * - The parser never emits measure 'yes-no': a qualitative duty is the task itself.
 * - Kind: 累计 → cumulative; a rate ending in 增长/增速/下降 … → in-period (growth over the
 *   period); %, Mbps and rates (…率, 带宽) → level; anything else in-period.
 * - 左右 → comparator 'eq' with approximate: true.
 * - The task level is the numbering level whose items most often carry unit annotations (the
 *   deeper on a tie), else the deepest; the headings above a task are its sectionPath.
 * - 责任单位 names the leads, unless the same annotation names a 牵头单位; a sentence after the
 *   list is a note; "列第一位者为牵头…(下同)" makes the first unit lead (here and after).
 * - A text whose tasks name no lead is for review (ownerlessRefusal), not for registering.
 */
export { parsePlanText } from './parse-plan-text';
export type {
  ParsePlanOptions,
  ParseResult,
  TargetReview,
  TaskReview,
  Unclassified,
} from './parse-result';
export { parseUnitClause, splitUnitClause, type UnitAssignment } from './unit-clause';
export { isCollectiveUnit, splitUnitList } from './unit-names';
export { extractTargets, type TargetContext, type TargetExtraction } from './targets';
export { reviewAgainstRegistry, unknownUnits } from './registry-check';
export { ownerlessRefusal } from './review';
export { readSeedPlan, readUnitRegistry, SEED_PLAN_FILE, UNIT_REGISTRY_FILE } from './seed-files';
