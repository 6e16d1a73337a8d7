import ExcelJS from 'exceljs';
import type Database from 'better-sqlite3';
import type { TaskEvent } from '@duty-ledger/domain';
import { openReadModelDb } from '../runner/read-model-db';
import { obligationsProjection } from '../obligations/obligations.projection';
import { unitObligations } from '../obligations/obligations.query';
import { targetChangesProjection } from '../target-changes/target-changes.projection';
import { targetChanges } from '../target-changes/target-changes.query';
import { EventLog, SUPERVISOR, project } from '../testing/event-log';
import { planImport } from '../testing/plan-fixture';
import { toCsv } from './csv';
import { obligationsCsv, obligationsXlsx } from './obligation-export';
import { targetChangesCsv, targetChangesXlsx } from './target-change-export';

async function readSheet(buffer: Buffer): Promise<{ name: string; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}

describe('CSV', () => {
  it('starts with a byte-order mark, ends lines with CRLF and quotes as RFC 4180 says', () => {
    const csv = toCsv<{ a: string; b?: number }>(
      [
        { header: '名称', value: (r) => r.a },
        { header: '数值', value: (r) => r.b },
      ],
      [{ a: '含,逗号', b: 1.5 }, { a: '含"引号"' }, { a: '两\n行', b: 0 }],
    );
    expect(csv.startsWith('\uFEFF名称,数值\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '名称,数值',
      '"含,逗号",1.5',
      '"含""引号""",',
      '"两\n行",0',
      '',
    ]);
  });

  it('keeps a typed cell from running as a formula', () => {
    expect(
      toCsv([{ header: '原因', value: (r: string) => r }], ['=HYPERLINK("x")', '-1+1'])
        .split('\r\n')
        .slice(1, 3),
    ).toEqual([`"'=HYPERLINK(""x"")"`, `'-1+1`]);
  });
});

describe('exports of obligations and target changes', () => {
  let db: Database.Database;
  const asOf = '2024-07-01T00:00:00.000Z';

  beforeAll(() => {
    db = openReadModelDb(':memory:');
    obligationsProjection.setUp(db);
    targetChangesProjection.setUp(db);
    const log = new EventLog('2024-01-05T02:00:00.000Z');
    log.append(
      planImport('p24', 2024, [
        {
          no: 4,
          title: '推进数据归集',
          leads: ['区数据局'],
          supporting: ['各街镇'],
          targets: [{ metric: '全年总计归集数据', value: 132, unit: '万条' }],
        },
      ]),
    );
    const events: TaskEvent[] = [
      {
        type: 'MilestoneReported',
        schemaVersion: 1,
        data: {
          taskId: 'p24-t04',
          targetId: 'p24-t04-g1',
          milestoneId: 'm1',
          unit: '区数据局',
          value: 66,
          asOf: '2024-06-30',
          basis: 'in-period',
          evidence: [],
        },
      },
      {
        type: 'TargetRevised',
        schemaVersion: 1,
        data: {
          taskId: 'p24-t04',
          targetId: 'p24-t04-g1',
          revisionId: 'r1',
          before: { value: 132 },
          after: { value: 120 },
          reason: '系统迁移,"暂停"归集',
          reference: '长数转办〔2024〕9号',
          proposedBy: 'u-区数据局',
          approvedBy: 'u-sup',
        },
      },
    ];
    log.at('2024-06-30T02:00:00.000Z').append(events, { actor: SUPERVISOR });
    project(db, obligationsProjection, log.events);
    project(db, targetChangesProjection, log.events);
  });

  afterAll(() => db.close());

  it('writes obligations as CSV with Chinese headers', () => {
    const csv = obligationsCsv(unitObligations(db, '区数据局', { asOf }));
    const [header, row] = csv.slice(1).split('\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(header.split(',').slice(0, 12)).toEqual([
      '单位',
      '角色',
      '计划',
      '部分',
      '任务编号',
      '任务',
      '指标',
      '原目标',
      '现目标',
      '最新上报值',
      '上报截至',
      '进度',
    ]);
    expect(header).toContain('签收状态');
    expect(header).toContain('截止日期');
    expect(row.split(',').slice(0, 12)).toEqual([
      '区数据局',
      '牵头',
      '2024年度工作方案',
      '二、推进数字化转型',
      '4',
      '推进数据归集',
      '全年总计归集数据',
      '≥132万条',
      '≥120万条',
      '66万条',
      '2024-06-30',
      '55.0%',
    ]);
    expect(row).toContain(',待签收,未办结,');
  });

  it('writes obligations as XLSX that reads back with the same headers and values', async () => {
    const sheet = await readSheet(await obligationsXlsx(unitObligations(db, '区数据局', { asOf })));
    expect(sheet.name).toBe('履职清单');
    expect(sheet.rows[0].slice(0, 9)).toEqual([
      '单位',
      '角色',
      '计划',
      '部分',
      '任务编号',
      '任务',
      '指标',
      '原目标',
      '现目标',
    ]);
    const progress = sheet.rows[0].indexOf('进度');
    expect(sheet.rows[1][0]).toBe('区数据局');
    expect(sheet.rows[1][8]).toBe('≥120万条');
    expect(sheet.rows[1][progress]).toBeCloseTo(0.55);
    expect(sheet.rows[1][sheet.rows[0].indexOf('状态')]).toBe('未签收');
  });

  it('writes the target changes feed as CSV and XLSX', async () => {
    const changes = targetChanges(db, { asOf });
    const csv = targetChangesCsv(changes);
    expect(
      csv.startsWith(
        '\uFEFF生效时间,类型,计划编号,任务编号,任务,指标,原始值,调整前,调整后,提出人,批准人,原因,依据文号',
      ),
    ).toBe(true);
    expect(csv).toContain(
      '2024-06-30 10:00,目标下调,p24,4,推进数据归集,全年总计归集数据,≥132万条,≥132万条,≥120万条,u-区数据局,u-sup,"系统迁移,""暂停""归集",长数转办〔2024〕9号',
    );

    const sheet = await readSheet(await targetChangesXlsx(changes));
    expect(sheet.name).toBe('指标调整记录');
    expect(sheet.rows[0][1]).toBe('类型');
    expect(sheet.rows[1].slice(1, 9)).toEqual([
      '目标下调',
      'p24',
      4,
      '推进数据归集',
      '全年总计归集数据',
      '≥132万条',
      '≥132万条',
      '≥120万条',
    ]);
    expect(sheet.rows[1][11]).toBe('系统迁移,"暂停"归集');
  });
});
