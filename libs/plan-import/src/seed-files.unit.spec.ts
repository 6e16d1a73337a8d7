import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSeedPlan, readUnitRegistry } from './seed-files';
import { unknownUnits } from './registry-check';

describe('seed files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const plan = {
    title: '长宁区2024年度城市数字化转型工作方案',
    year: 2024,
    dueDate: '2024-12-31',
    sections: [
      {
        no: '二',
        title: '任务',
        tasks: [
          {
            no: 1,
            title: '做事',
            body: '',
            leads: [{ name: '区数据局' }, { name: '区国资委（区金融办）' }],
            supporting: [{ name: '各街镇', group: true }],
            targets: [],
          },
        ],
      },
    ],
  };

  it('reads a plan and a registry, Chinese names unchanged', () => {
    writeFileSync(join(dir, 'changning-2024.plan.json'), JSON.stringify(plan));
    writeFileSync(
      join(dir, 'units.json'),
      JSON.stringify({ units: ['区数据局'], groups: { 各街镇: ['虹桥街道'] } }),
    );
    const read = readSeedPlan(dir);
    expect(read).toEqual(plan);
    const registry = readUnitRegistry(dir);
    expect(registry.groups['各街镇']).toEqual(['虹桥街道']);
    expect(unknownUnits(read, registry)).toEqual(['区国资委（区金融办）']);
  });

  it('rejects files of the wrong shape', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ title: 'x' }));
    expect(() => readSeedPlan(dir, 'bad.json')).toThrow(/not a plan draft/);
    writeFileSync(
      join(dir, 'bad-units.json'),
      JSON.stringify({ units: ['a'], groups: { g: [1] } }),
    );
    expect(() => readUnitRegistry(dir, 'bad-units.json')).toThrow(/not a unit registry/);
  });
});
