import type { UnitRef } from './domain';
import { splitTopLevel } from './text/brackets';

/**
 * Collective names stand for several units, not one: 各街镇, 各相关单位, 各区级部门, 各有关单位,
 * 全区各部门, 相关街镇 … They stay groups in the draft; the unit registry says who they are.
 */
export function isCollectiveUnit(name: string): boolean {
  return /^(各|全区各|相关|有关)/.test(name);
}

export function unitRef(name: string): UnitRef {
  return isCollectiveUnit(name) ? { name, group: true } : { name };
}

/**
 * The names in a department list. Separators are 、 and commas, at top level only, so a name
 * carrying its own bracket ("区政府办公室(区外办、区侨办)") stays whole and exactly as written.
 * A trailing 等 ("区商务委等") is dropped from the last name.
 */
export function splitUnitList(list: string): string[] {
  const names = splitTopLevel(list, '、,，')
    .map((piece) => piece.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((name) => name.length > 0);
  const last = names.length - 1;
  if (last >= 0 && names[last].length > 2 && names[last].endsWith('等')) {
    names[last] = names[last].slice(0, -1);
  }
  return names;
}
