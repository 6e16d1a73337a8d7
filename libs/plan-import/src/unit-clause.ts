import type { UnitRef } from './domain';
import { depths, splitTopLevel, trailingBracket } from './text/brackets';
import { toSimplifiedStructure } from './text/script';
import { splitListNote, splitUnitList, unitRef } from './unit-names';

export interface UnitAssignment {
  readonly leads: UnitRef[];
  readonly supporting: UnitRef[];
  /** Text inside the clause that was not understood, reported rather than dropped. */
  readonly warnings: string[];
  /** Free sentences inside the clause ("…,各有关单位按职责分工抓好落实"), kept as written. */
  readonly notes: string[];
  /**
   * The clause says its first unit leads ("列第一位者为牵头单位", "排在首位的为牵头单位"):
   * 'here' for this clause, 'onwards' when it adds 下同 (and the same for the lists after it).
   */
  readonly firstListedLeads?: 'here' | 'onwards';
}

const LEAD_LABELS = ['牵头部门', '牵头单位', '主责部门', '主责单位', '牵头'];
/** 责任单位 names the leads, unless the clause also names a 牵头单位: then it names the others. */
const SHARED_LABELS = ['责任部门', '责任单位'];
const SUPPORT_LABELS = [
  '配合部门',
  '配合单位',
  '协办部门',
  '协办单位',
  '参与部门',
  '参与单位',
  '配合',
  '协办',
];
const LABEL_RE = new RegExp(
  `(${[...LEAD_LABELS, ...SHARED_LABELS, ...SUPPORT_LABELS].join('|')})\\s*[:：]`,
  'g',
);

/** Role words after a list: "(区数据局牵头,区科委配合)", "(A、B按职责分工负责)". */
const ROLE_RE = /(按职责分工负责|牵头负责|牵头|负责|配合|协办|参与)/g;
const LEAD_ROLES = new Set(['牵头负责', '牵头', '负责']);
const SHARED_ROLE = '按职责分工负责';
const SEPARATORS = /^[\s\u3000,，;；、。]+|[\s\u3000,，;；、。]+$/g;
const FIRST_LISTED_LEADS = /(列第一位|排在首位|排名第一|排第一|列首位)\S*牵头/;

/**
 * Splits a task's text into the text proper and its closing unit bracket, when it has one:
 * round brackets in either width, or 〔〕. The bracket is found by balanced matching from the
 * end, so brackets inside unit names stay inside. A closing bracket that names no lead or
 * supporting unit is left in the text.
 */
export function splitUnitClause(text: string): { rest: string; units?: UnitAssignment } {
  const trimmed = text.replace(/[\s\u3000。.]+$/, '');
  const bracket = trailingBracket(trimmed);
  if (!bracket) return { rest: text };
  const units = parseUnitClause(bracket.inner);
  if (!units) return { rest: text };
  return { rest: trimmed.slice(0, bracket.start).replace(/[\s\u3000]+$/, ''), units };
}

/**
 * The units named inside a unit bracket (without the bracket itself), or undefined when the
 * text is not a unit clause. Two forms: labelled ("牵头部门:A、B;配合部门:C") and role words
 * ("A、B牵头,C配合"). Half- and full-width punctuation are equivalent, and so are the
 * traditional forms of the labels and role words. What follows the list after a 。 is a note.
 */
export function parseUnitClause(inner: string): UnitAssignment | undefined {
  const stop = splitTopLevel(inner, '。');
  const units = stop[0].text;
  const notes = stop
    .slice(1)
    .map((piece) => piece.text.trim())
    .filter((note) => note.length > 0);
  const read = parseLabelled(units) ?? parseRoleWords(units);
  if (!read) return undefined;
  const all = [...read.notes, ...notes];
  const rule = all.find((note) => FIRST_LISTED_LEADS.test(toSimplifiedStructure(note)));
  return {
    ...read,
    notes: all,
    ...(rule ? { firstListedLeads: /下同/.test(rule) ? 'onwards' : 'here' } : {}),
  };
}

/** A clause that names no 牵头 takes its first unit as the lead when the plan says so. */
export function withFirstListedLead(units: UnitAssignment): UnitAssignment {
  if (units.leads.length === 0) return units;
  const [first, ...rest] = units.leads;
  return { ...units, leads: [first], supporting: [...rest, ...units.supporting] };
}

function topLevelMatches(text: string, re: RegExp): RegExpExecArray[] {
  const d = depths(text);
  return [...toSimplifiedStructure(text).matchAll(re)].filter((m) => d[m.index] === 0);
}

function parseLabelled(inner: string): UnitAssignment | undefined {
  const labels = topLevelMatches(inner, LABEL_RE);
  if (labels.length === 0) return undefined;
  const leads: UnitRef[] = [];
  const supporting: UnitRef[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  const before = inner.slice(0, labels[0].index).replace(SEPARATORS, '');
  if (before) warnings.push(`unit clause: text before the first label not understood: "${before}"`);
  const namesLead = labels.some((m) => LEAD_LABELS.includes(m[1]));
  labels.forEach((m, i) => {
    const label = m[1];
    const end = i + 1 < labels.length ? labels[i + 1].index : inner.length;
    const list = splitListNote(inner.slice(m.index + m[0].length, end).replace(SEPARATORS, ''));
    if (list.note) notes.push(list.note);
    const names = list.names;
    if (names.length === 0) warnings.push(`unit clause: label ${label} has no units`);
    if (SUPPORT_LABELS.includes(label) || (SHARED_LABELS.includes(label) && namesLead)) {
      supporting.push(...names.map(unitRef));
    } else if (SHARED_LABELS.includes(label) && names.some(isMarkedLead)) {
      for (const name of names) {
        if (isMarkedLead(name)) leads.push(unitRef(stripLeadMark(name)));
        else supporting.push(unitRef(name));
      }
    } else {
      leads.push(...names.map(unitRef));
    }
  });
  return { leads, supporting, warnings, notes };
}

const LEAD_MARK = /[(（]\s*(牵头|牽頭)\s*[)）]$/;
const isMarkedLead = (name: string): boolean => LEAD_MARK.test(name);
const stripLeadMark = (name: string): string => name.replace(LEAD_MARK, '').trim();

function parseRoleWords(inner: string): UnitAssignment | undefined {
  const roles = topLevelMatches(inner, ROLE_RE);
  if (roles.length === 0) return undefined;
  const leads: UnitRef[] = [];
  const supporting: UnitRef[] = [];
  const warnings: string[] = [];
  const namesLead = roles.some((m) => m[1] === '牵头' || m[1] === '牵头负责');
  let from = 0;
  for (const m of roles) {
    const names = splitUnitList(inner.slice(from, m.index).replace(SEPARATORS, ''));
    if (names.length === 0) return undefined; // a role word with nothing before it: not a unit list
    const lead = m[1] === SHARED_ROLE ? !namesLead : LEAD_ROLES.has(m[1]);
    (lead ? leads : supporting).push(...names.map(unitRef));
    from = m.index + m[0].length;
  }
  const notes: string[] = [];
  const after = inner.slice(from).replace(SEPARATORS, '');
  if (after) notes.push(after);
  return { leads, supporting, warnings, notes };
}
