import type { UnitRef } from './domain';
import { splitTopLevel, trailingBracket } from './text/brackets';
import { toSimplifiedStructure } from './text/script';

/**
 * Collective names stand for several units, not one: 各街镇, 各相关单位, 各区级部门, 全区各部门,
 * 相关街镇, 市直有关部门, 区直各部门, 全区经济运行各专班, 各镇(街道) … A name is collective when it
 * says 各 (every) anywhere, or opens with 有关/相关 (after a level such as 市直, 区级). They stay
 * groups in the draft; the unit registry says who they are.
 */
export function isCollectiveUnit(name: string): boolean {
  const plain = toSimplifiedStructure(name);
  return /各/.test(plain) || /^([省市区县](直|级|属)?)?(有关|相关)/.test(plain);
}

export function unitRef(name: string): UnitRef {
  return isCollectiveUnit(name) ? { name, group: true } : { name };
}

/** Words after a list that say how the units work, not who they are: stripped from the name. */
const MANNER_SUFFIX = /(按职责分工负责|按职责负责|分别负责|负责)$/;
/** A bare kind word continues the name before it: "市直有关部门、单位" is 市直有关部门和单位. */
const BARE_KIND = /^(单位|部门|机构)$/;
/** 及 before a collective name separates two names: "市级各有关部门及各县市区政府". */
const AND_COLLECTIVE = /及(?=各|有关|相关|[省市区县](?:直|级)(?:各|有关|相关))/;

/**
 * The names in a department list. Separators are 、 and commas, at top level only, so a name
 * carrying its own bracket ("区政府办公室(区外办、区侨办)", "各镇(街道)") stays whole and exactly as
 * written. A trailing 等 ("区商务委等") and a manner phrase ("…按职责分工负责") are dropped from
 * the last name.
 */
export function splitUnitList(list: string): string[] {
  const names: string[] = [];
  for (const piece of splitTopLevel(list, '、,，')) {
    const text = piece.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (!text) continue;
    const plain = toSimplifiedStructure(text);
    if (BARE_KIND.test(plain) && names.length > 0) {
      names[names.length - 1] += `、${text}`;
      continue;
    }
    const and = AND_COLLECTIVE.exec(plain);
    if (and && and.index > 0) names.push(text.slice(0, and.index), text.slice(and.index + 1));
    else names.push(text);
  }
  const last = names.length - 1;
  if (last >= 0) {
    const manner = MANNER_SUFFIX.exec(toSimplifiedStructure(names[last]));
    if (manner && manner.index > 0) names[last] = names[last].slice(0, manner.index);
    if (names[last].length > 2 && names[last].endsWith('等'))
      names[last] = names[last].slice(0, -1);
  }
  return names;
}

/** Note words: a list item or a bracket that says something about the list, not a unit. */
export const NOTE_WORDS = /下同|首位|第一位|为牵头|不再|均需|均涉及|以下|具体任务|落实|汇总/;

/**
 * Splits a list into its names and a trailing note ("…、工商联(列第一位者为牵头或汇总单位,下同)",
 * "…、市财政局,排在首位的为牵头单位,下同").
 */
export function splitListNote(list: string): { names: string[]; note?: string } {
  const pieces = splitTopLevel(list, '、,，');
  const at = pieces.findIndex((p) => NOTE_WORDS.test(toSimplifiedStructure(p.text)));
  let names = list;
  let note: string | undefined;
  if (at >= 0) {
    const piece = pieces[at];
    const bracket = trailingBracket(piece.text.trim());
    if (bracket && !NOTE_WORDS.test(toSimplifiedStructure(piece.text.slice(0, bracket.start)))) {
      // The note is the bracket closing the last name: keep the name, take the bracket.
      const cut = piece.start + piece.text.indexOf(piece.text.trim()) + bracket.start;
      names = list.slice(0, cut);
      note = [bracket.inner, list.slice(piece.start + piece.text.length + 1)]
        .filter((s) => s.trim())
        .join(',');
    } else {
      names = list.slice(0, Math.max(0, piece.start - 1));
      note = list.slice(piece.start);
    }
  }
  return { names: splitUnitList(names), ...(note ? { note: note.trim() } : {}) };
}
