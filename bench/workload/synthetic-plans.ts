/**
 * SYNTHETIC plans shaped like the real seed (seeds/changning-2024.plan.json): same sections, 18
 * tasks, ~39 targets (jittered by one or two), the same lead/supporting patterns including the
 * collective names 各街镇 and 各相关单位, but for generated districts whose ~27 units have
 * generated Chinese names (XX区数据局, XX街道 …). Nothing here is real data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDraft, TargetDraft, TaskDraft, UnitRef, UnitRegistry } from '@duty-ledger/domain';
import { Prng } from '../lib/prng';

export interface SeedShape {
  readonly draft: PlanDraft;
  readonly registry: UnitRegistry;
}

export function readSeedShape(seedsDir: string): SeedShape {
  return {
    draft: JSON.parse(
      readFileSync(join(seedsDir, 'changning-2024.plan.json'), 'utf8'),
    ) as PlanDraft,
    registry: JSON.parse(readFileSync(join(seedsDir, 'units.json'), 'utf8')) as UnitRegistry,
  };
}

export interface Person {
  readonly id: string;
  readonly name: string;
}

export interface SyntheticDistrict {
  readonly index: number;
  /** Two characters, e.g. 云溪; the district is 云溪区. */
  readonly stem: string;
  readonly registry: UnitRegistry;
  /** Seed unit name → this district's unit name. */
  readonly unitOf: ReadonlyMap<string, string>;
  /** Two or three supervisors (督办) per district, so four-eyes decisions have someone to ask. */
  readonly supervisors: readonly Person[];
  /** One or two people acting for each unit. */
  readonly staffOf: ReadonlyMap<string, readonly Person[]>;
}

export interface SyntheticPlan {
  readonly index: number;
  readonly planId: string;
  readonly district: SyntheticDistrict;
  readonly draft: PlanDraft;
}

const STEM_CHARS = [
  ...'云溪青枫松江临湖安宁华泽丰和瑞清嘉金明兴阳川平山桥林河洋浦海城昌盛德永福康泰恒荣庆定远春秋',
];
const STREET_FIRST = [...'新东西南北中上下大小长花桂梅竹兰菊柳杨樱桃李杏石玉龙凤虎鹤白红黄绿紫'];
const STREET_SECOND = [...'华山河湖港湾桥门路园坊里村塘泾浜庄岗坪岭林源泉田'];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕鹏辉建国志浩宇晨欣怡佳琪文博思颖子涵雨萱梓轩',
];
const TOPICS = [
  '城市数字化转型',
  '优化营商环境',
  '城市更新',
  '民生实事项目',
  '生态环境保护',
  '安全生产',
  '数字经济发展',
  '公共服务提升',
  '社区治理',
  '科技创新',
];

/** The first 17 units of the seed registry are departments; the rest are sub-districts and the town. */
function isDepartment(name: string, registry: UnitRegistry): boolean {
  return !Object.values(registry.groups).some((members) => members.includes(name));
}

function personName(prng: Prng): string {
  return prng.pick(SURNAMES) + prng.pick(GIVEN) + (prng.chance(0.6) ? prng.pick(GIVEN) : '');
}

export function makeDistricts(count: number, seed: SeedShape, prng: Prng): SyntheticDistrict[] {
  const stems = new Set<string>();
  const streets = new Set<string>();
  const districts: SyntheticDistrict[] = [];
  for (let index = 0; index < count; index++) {
    let stem: string;
    let attempts = 0;
    do {
      stem =
        prng.pick(STEM_CHARS) +
        prng.pick(STEM_CHARS) +
        (attempts++ > 50 ? prng.pick(STEM_CHARS) : '');
    } while (stems.has(stem) || stem[0] === stem[1]);
    stems.add(stem);

    const unitOf = new Map<string, string>();
    const groups: Record<string, string[]> = {};
    for (const name of seed.registry.units) {
      if (isDepartment(name, seed.registry)) {
        unitOf.set(name, name.startsWith('区') ? `${stem}${name}` : `${stem}区${name}`);
      } else {
        let street: string;
        let tries = 0;
        do {
          const suffix = name.endsWith('镇') ? '镇' : '街道';
          // Two characters run out after ~1,400 names: longer names once collisions start.
          const extra = tries++ > 10 ? prng.pick(STREET_SECOND) : '';
          street =
            prng.pick(STREET_FIRST) +
            extra +
            prng.pick(STREET_SECOND) +
            (prng.chance(0.3) ? '路' : '') +
            suffix;
        } while (streets.has(street));
        streets.add(street);
        unitOf.set(name, street);
      }
    }
    for (const [group, members] of Object.entries(seed.registry.groups)) {
      groups[group] = members.map((m) => unitOf.get(m) ?? m);
    }
    const staffOf = new Map<string, Person[]>();
    let personNo = 0;
    for (const unit of unitOf.values()) {
      const people: Person[] = [];
      for (let k = prng.int(1, 2); k > 0; k--)
        people.push({ id: `syn-d${index}-u${personNo++}`, name: personName(prng) });
      staffOf.set(unit, people);
    }
    const supervisors: Person[] = [];
    for (let k = prng.int(2, 3), s = 0; s < k; s++)
      supervisors.push({ id: `syn-d${index}-sup${s}`, name: personName(prng) });
    districts.push({
      index,
      stem,
      registry: { units: [...unitOf.values()], groups },
      unitOf,
      supervisors,
      staffOf,
    });
  }
  return districts;
}

const mapRef = (ref: UnitRef, district: SyntheticDistrict): UnitRef =>
  ref.group ? ref : { ...ref, name: district.unitOf.get(ref.name) ?? ref.name };

function scaleValue(target: TargetDraft, prng: Prng): number {
  const factor = 0.7 + prng.next() * 0.6;
  if (target.unit === '%') return Math.min(100, Math.round(target.value * factor * 10) / 10);
  if (target.measure === 'yes-no') return target.value;
  const scaled = target.value * factor;
  return Number.isInteger(target.value)
    ? Math.max(1, Math.round(scaled))
    : Math.round(scaled * 100) / 100;
}

/** Plan `index` of the run: district index / 10 style grouping, ~10 plans per district. */
export function makePlan(
  index: number,
  district: SyntheticDistrict,
  seed: SeedShape,
  prng: Prng,
): SyntheticPlan {
  const planId = `syn-d${String(district.index).padStart(4, '0')}-p${String(index).padStart(5, '0')}`;
  const topic = prng.pick(TOPICS);
  const rename = (text: string) => text.replace(/长宁/g, district.stem);
  const sections = seed.draft.sections.map((section) => ({
    ...section,
    tasks: section.tasks.map((task): TaskDraft => ({
      ...task,
      title: rename(task.title),
      body: rename(task.body),
      leads: task.leads.map((r) => mapRef(r, district)),
      supporting: task.supporting.map((r) => mapRef(r, district)),
      targets: task.targets.map((t) => ({
        ...t,
        value: scaleValue(t, prng),
        sourceText: rename(t.sourceText),
      })),
    })),
  }));
  // Jitter the target count by one or two, as real plans differ: drop one here, add one there.
  const tasks = sections.flatMap((s) => s.tasks) as unknown as { targets: TargetDraft[] }[];
  const withTargets = tasks.filter((t) => t.targets.length > 1);
  if (prng.chance(0.35) && withTargets.length > 0) {
    const task = prng.pick(withTargets);
    const drop = prng.int(0, task.targets.length - 1);
    task.targets = task.targets.filter((_, i) => i !== drop);
  }
  for (let extra = prng.int(0, 2); extra > 0; extra--) {
    const from = prng.pick(tasks.filter((t) => t.targets.length > 0));
    const template = prng.pick(from.targets);
    from.targets = [
      ...from.targets,
      { ...template, metric: `${template.metric}(二期)`, value: scaleValue(template, prng) },
    ];
  }
  return {
    index,
    planId,
    district,
    draft: {
      planId,
      title: `${district.stem}区2024年度${topic}工作方案(SYNTHETIC ${index})`,
      year: 2024,
      dueDate: '2024-12-31',
      sections,
    },
  };
}
