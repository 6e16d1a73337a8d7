import type { TaskEvent } from '../../events/task-events';
import { deciderSpec } from '../../testing/given-when-then';
import {
  assigned,
  claimed,
  command,
  declinedAfter,
  fold,
  imported,
  supervisor,
  TARGET_1,
  TARGET_2,
  TASK_ID,
  verified,
  withActor,
  区城运中心,
  区委网信办,
  区数据局,
  华阳路街道,
} from '../../testing/task-fixtures';
import { taskDecider } from '../task-decider';

const { given } = deciderSpec(taskDecider);
/** NOW in the fixtures is 2024-06-15 10:00 in Shanghai. */
const report = (
  actor = 区数据局,
  data: Partial<{
    targetId: string;
    value: number;
    asOf: string;
    note: string;
    evidence: string[];
  }> = {},
  now?: string,
) =>
  command(
    'ReportMilestone',
    {
      targetId: TARGET_1,
      milestoneId: 'm-1',
      value: 56,
      asOf: '2024-06-15',
      evidence: ['二季度进度表.xlsx'],
      ...data,
    },
    actor,
    now,
  );
const reported = (unit: string, extra: object = {}) => ({
  type: 'MilestoneReported' as const,
  schemaVersion: 1 as const,
  data: {
    taskId: TASK_ID,
    targetId: TARGET_1,
    milestoneId: 'm-1',
    unit,
    value: 56,
    asOf: '2024-06-15',
    basis: 'in-period' as const,
    evidence: ['二季度进度表.xlsx'],
    ...extra,
  },
});

describe('ReportMilestone', () => {
  it('records the lead unit’s value with the target’s kind as its basis', () => {
    given(...imported)
      .when(report(区数据局, { note: '已完成56个小区' }))
      .then(reported('区数据局', { note: '已完成56个小区' }));
  });

  it('takes the basis from the target reported on', () => {
    given(...imported)
      .when(report(区数据局, { targetId: TARGET_2, value: 62 }))
      .then({
        ...reported('区数据局'),
        data: { ...reported('区数据局').data, targetId: TARGET_2, value: 62, basis: 'level' },
      });
  });

  it('accepts a report from a supporting unit of the task', () => {
    given(...imported)
      .when(report(区委网信办))
      .then(reported('区委网信办'));
  });

  it('accepts a report from a unit assigned to the target directly', () => {
    given(...imported, assigned('supporting', '华阳路街道', TARGET_1))
      .when(report(华阳路街道))
      .then(reported('华阳路街道'));
  });

  it('accepts a report without evidence', () => {
    given(...imported)
      .when(report(区数据局, { evidence: [] }))
      .then(reported('区数据局', { evidence: [] }));
  });

  it('reads "today" in Shanghai: at 01:00 on the 16th there, a report as of the 16th is not in the future', () => {
    given(...imported)
      .when(report(区数据局, { asOf: '2024-06-16' }, '2024-06-15T17:00:00Z'))
      .then(reported('区数据局', { asOf: '2024-06-16' }));
  });

  it('refuses an asOf date in the future', () => {
    given(...imported)
      .when(report(区数据局, { asOf: '2024-06-16' }))
      .thenThrows('rule-violation', 'asOf 2024-06-16 is after today (2024-06-15');
  });

  it('refuses an asOf that is not a calendar date', () => {
    given(...imported)
      .when(report(区数据局, { asOf: '2024-02-30' }))
      .thenThrows('rule-violation', 'asOf');
  });

  it('refuses a value that is not a finite number', () => {
    given(...imported)
      .when(report(区数据局, { value: Number.NaN }))
      .thenThrows('rule-violation', 'value');
  });

  it('refuses a blank evidence item', () => {
    given(...imported)
      .when(report(区数据局, { evidence: [''] }))
      .thenThrows('rule-violation', 'evidence[0]');
  });

  it('is forbidden to a unit that does not owe the target', () => {
    given(...imported)
      .when(report(区城运中心))
      .thenThrows('forbidden', '区城运中心 is neither lead nor supporting');
  });

  it('is forbidden to a unit assigned only to another target', () => {
    given(...imported, assigned('supporting', '华阳路街道', TARGET_2))
      .when(report(华阳路街道))
      .thenThrows('forbidden');
  });

  it('is forbidden to a supervisor', () => {
    given(...imported)
      .when(withActor(report(), supervisor))
      .thenThrows('forbidden');
  });

  it('is not found for an unknown target of the task', () => {
    given(...imported)
      .when(report(区数据局, { targetId: `${TASK_ID}-g7` }))
      .thenThrows('not-found');
  });

  it('is not found for an id that is no target id', () => {
    given(...imported)
      .when(report(区数据局, { targetId: 'not-a-target' }))
      .thenThrows('not-found');
  });

  it('is refused on a verified target', () => {
    given(...imported, claimed(), verified())
      .when(report())
      .thenThrows('illegal-state', 'verified');
  });

  describe('values that cannot be right', () => {
    it.each<[string, string, number, string]>([
      ['a negative count', TARGET_1, -1, 'report-value-negative'],
      ['a negative ratio', TARGET_2, -5, 'report-value-negative'],
      ['a ratio over 100 %', TARGET_2, 100.5, 'report-ratio-over-100'],
    ])('refuses %s', (_what, targetId, value, rule) => {
      const error = given(...imported)
        .when(report(区数据局, { targetId, value }))
        .thenThrows('rule-violation', 'value');
      expect(error.rule).toBe(rule);
    });

    it('accepts exactly 100 %', () => {
      const [event] = given(...imported)
        .when(report(区数据局, { targetId: TARGET_2, value: 100 }))
        .decision();
      expect(event).toMatchObject({ data: { value: 100 } });
    });

    it('refuses an as-of date before the plan’s year', () => {
      const error = given(...imported)
        .when(report(区数据局, { asOf: '2023-12-31' }))
        .thenThrows('rule-violation', "before the plan's year");
      expect(error.rule).toBe('report-date-before-plan-year');
    });

    it('refuses a report id already used on the target', () => {
      given(...imported, reported('区数据局'))
        .when(report())
        .thenThrows('rule-violation', 'already used');
    });
  });

  describe('units that may not report', () => {
    it('refuses a unit that returned (退回) its assignment', () => {
      const error = given(...imported, declinedAfter(imported, '区委网信办'))
        .when(report(区委网信办))
        .thenThrows('forbidden', 'returned its assignment');
      expect(error.rule).toBe('unit-declined');
    });

    it('refuses a unit removed from the task', () => {
      const removed: TaskEvent = {
        type: 'AssignmentRemoved',
        schemaVersion: 1,
        data: { taskId: TASK_ID, unit: '区委网信办', role: 'supporting', reason: '调整分工' },
      };
      given(...imported, removed)
        .when(report(区委网信办))
        .thenThrows('forbidden', 'neither lead nor supporting');
    });

    it('lets each of two lead units report its own figure', () => {
      given(...imported, assigned('lead', '区城运中心', TARGET_1))
        .when(report(区城运中心, { value: 30 }))
        .then(reported('区城运中心', { value: 30 }));
    });
  });
});

describe('CorrectReport', () => {
  const correct = (actor = 区数据局, value = 58, reason = '统计口径有误') =>
    command('CorrectReport', { targetId: TARGET_1, reportId: 'm-1', value, reason }, actor);
  const corrected = (by: string): TaskEvent => ({
    type: 'ReportCorrected',
    schemaVersion: 1,
    data: {
      taskId: TASK_ID,
      targetId: TARGET_1,
      reportId: 'm-1',
      unit: '区数据局',
      previousValue: 56,
      value: 58,
      reason: '统计口径有误',
      correctedBy: by,
    },
  });

  it('records the unit’s correction of its own report, with the figure it replaces', () => {
    given(...imported, reported('区数据局'))
      .when(correct())
      .then(corrected(区数据局.id));
  });

  it('lets a supervisor correct any report', () => {
    given(...imported, reported('区数据局'))
      .when(correct(supervisor))
      .then(corrected(supervisor.id));
  });

  it('applies the correction to the report it names', () => {
    const state = fold(...imported, reported('区数据局'), corrected(supervisor.id));
    expect(state.targets[0].reports).toEqual([
      expect.objectContaining({ milestoneId: 'm-1', value: 58 }),
    ]);
  });

  it('forbids another unit to correct it', () => {
    const error = given(...imported, reported('区数据局'))
      .when(correct(区委网信办))
      .thenThrows('forbidden');
    expect(error.rule).toBe('report-not-own');
  });

  it('needs a reason, named as required', () => {
    const error = given(...imported, reported('区数据局'))
      .when(correct(区数据局, 58, ' '))
      .thenThrows('rule-violation', 'reason must not be empty');
    expect(error.rule).toBe('field-required');
  });

  it('refuses an impossible corrected figure and one that changes nothing', () => {
    given(...imported, reported('区数据局'))
      .when(correct(区数据局, -3))
      .thenThrows('rule-violation', 'negative');
    given(...imported, reported('区数据局'))
      .when(correct(区数据局, 56))
      .thenThrows('rule-violation', 'already says 56');
  });

  it('is not found for an unknown report', () => {
    given(...imported)
      .when(correct())
      .thenThrows('not-found');
  });
});
