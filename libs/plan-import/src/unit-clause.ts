import type { UnitRef } from './domain';
import { depths, trailingBracket } from './text/brackets';
import { splitUnitList, unitRef } from './unit-names';

export interface UnitAssignment {
  readonly leads: UnitRef[];
  readonly supporting: UnitRef[];
  /** Text inside the clause that was not understood, reported rather than dropped. */
  readonly warnings: string[];
}

const LEAD_LABELS = [
  '牵头部门',
  '牵头单位',
  '责任部门',
  '责任单位',
  '主责部门',
  '主责单位',
  '牵头',
];
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
/** Labels whose list may mark its lead with "(牵头)": 责任单位:区发展改革委(牵头)、区商务委. */
const SHARED_LABELS = new Set(['责任部门', '责任单位']);
const LABEL_RE = new RegExp(`(${[...LEAD_LABELS, ...SUPPORT_LABELS].join('|')})\\s*[:：]`, 'g');

/** Role words after a list: "(区数据局牵头,区科委配合)". */
const ROLE_RE = /(牵头负责|牵头|负责|配合|协办|参与)/g;
const LEAD_ROLES = new Set(['牵头负责', '牵头', '负责']);
const SEPARATORS = /^[\s\u3000,，;；、。]+|[\s\u3000,，;；、。]+$/g;

/**
 * Splits a task's text into the text proper and its closing unit bracket, when it has one.
 * The bracket is found by balanced matching from the end, so brackets inside unit names stay
 * inside. A closing bracket that names no lead or supporting unit is left in the text.
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
 * ("A、B牵头,C配合"). Half- and full-width punctuation are equivalent.
 */
export function parseUnitClause(inner: string): UnitAssignment | undefined {
  return parseLabelled(inner) ?? parseRoleWords(inner);
}

function topLevelMatches(text: string, re: RegExp): RegExpExecArray[] {
  const d = depths(text);
  return [...text.matchAll(re)].filter((m) => d[m.index] === 0);
}

function parseLabelled(inner: string): UnitAssignment | undefined {
  const labels = topLevelMatches(inner, LABEL_RE);
  if (labels.length === 0) return undefined;
  const leads: UnitRef[] = [];
  const supporting: UnitRef[] = [];
  const warnings: string[] = [];
  const before = inner.slice(0, labels[0].index).replace(SEPARATORS, '');
  if (before) warnings.push(`unit clause: text before the first label not understood: "${before}"`);
  labels.forEach((m, i) => {
    const label = m[1];
    const end = i + 1 < labels.length ? labels[i + 1].index : inner.length;
    const names = splitUnitList(inner.slice(m.index + m[0].length, end).replace(SEPARATORS, ''));
    if (names.length === 0) warnings.push(`unit clause: label ${label} has no units`);
    if (SUPPORT_LABELS.includes(label)) {
      supporting.push(...names.map(unitRef));
    } else if (SHARED_LABELS.has(label) && names.some(isMarkedLead)) {
      for (const name of names) {
        if (isMarkedLead(name)) leads.push(unitRef(stripLeadMark(name)));
        else supporting.push(unitRef(name));
      }
    } else {
      leads.push(...names.map(unitRef));
    }
  });
  return { leads, supporting, warnings };
}

const LEAD_MARK = /[(（]\s*牵头\s*[)）]$/;
const isMarkedLead = (name: string): boolean => LEAD_MARK.test(name);
const stripLeadMark = (name: string): string => name.replace(LEAD_MARK, '').trim();

function parseRoleWords(inner: string): UnitAssignment | undefined {
  const roles = topLevelMatches(inner, ROLE_RE);
  if (roles.length === 0) return undefined;
  const leads: UnitRef[] = [];
  const supporting: UnitRef[] = [];
  const warnings: string[] = [];
  let from = 0;
  for (const m of roles) {
    const names = splitUnitList(inner.slice(from, m.index).replace(SEPARATORS, ''));
    if (names.length === 0) return undefined; // a role word with nothing before it: not a unit list
    (LEAD_ROLES.has(m[1]) ? leads : supporting).push(...names.map(unitRef));
    from = m.index + m[0].length;
  }
  const after = inner.slice(from).replace(SEPARATORS, '');
  if (after) warnings.push(`unit clause: text after the last role word not understood: "${after}"`);
  return { leads, supporting, warnings };
}
