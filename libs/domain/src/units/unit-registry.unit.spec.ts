import type { UnitAdded } from '../events/unit-events';
import type { UnitRegistry } from '../model/plan-draft';
import { deciderSpec } from '../testing/given-when-then';
import { admin, command, supervisor } from '../testing/task-fixtures';
import { closestNames } from './closest-names';
import { requireKnownUnit, unitsDecider } from './unit-registry';

const { given } = deciderSpec(unitsDecider);
const seed: UnitRegistry = {
  units: ['区数据局', '区委网信办', '区城运中心', '华阳路街道'],
  groups: { 各街镇: ['华阳路街道'], 各相关单位: [] },
};
const add = (name: string, actor = admin) => command('AddUnit', { name, seed }, actor);
const added: UnitAdded = {
  type: 'UnitAdded',
  schemaVersion: 1,
  data: { name: '区数据中心', addedBy: admin.id },
};

describe('AddUnit', () => {
  it('given a name the registry lacks, when an admin adds it, then UnitAdded', () => {
    given().when(add(' 区数据中心 ')).then(added);
  });

  it('refuses a supervisor, an empty name, a seed unit, a group and a unit added before', () => {
    given().when(add('区数据中心', supervisor)).thenThrows('forbidden');
    given().when(add('  ')).thenThrows('rule-violation', 'name');
    given().when(add('区数据局')).thenThrows('illegal-state', '已在单位名录中');
    given().when(add('各街镇')).thenThrows('illegal-state');
    given(added).when(add('区数据中心')).thenThrows('illegal-state');
  });
});

describe('a unit to assign', () => {
  it('is known when the registry names it, or names it as a group', () => {
    expect(() => requireKnownUnit(seed, '区数据局')).not.toThrow();
    expect(() => requireKnownUnit(seed, '各相关单位')).not.toThrow();
  });

  it('is refused otherwise, naming the closest known names, most alike first', () => {
    expect(() => requireKnownUnit(seed, '区数据中心')).toThrow('最接近的是：区数据局');
    expect(closestNames('区城运', seed.units)).toEqual(['区城运中心']);
    expect(closestNames('上海市', seed.units)).toEqual([]);
  });
});
