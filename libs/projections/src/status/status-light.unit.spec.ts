import { DEFAULT_RULE_SET, type StatusRuleSet } from './rule-set';
import { assessStatus, expectedProgress, progressTowards, type StatusInput } from './status-light';

const target100: StatusInput = {
  dueDate: '2024-12-31',
  planYear: 2024,
  current: { value: 100, comparator: 'gte' },
  original: { value: 100, comparator: 'gte' },
  kind: 'in-period',
  completion: 'open',
  leadAcknowledged: true,
};

const at = (instant: string) => new Date(instant);
const light = (input: StatusInput, instant: string, ruleSet = DEFAULT_RULE_SET) =>
  assessStatus(input, at(instant), ruleSet).light;

describe('status lights (default rule set)', () => {
  it('reports the rule set that gave the light', () => {
    expect(assessStatus(target100, at('2024-03-01T00:00:00Z'), DEFAULT_RULE_SET)).toMatchObject({
      ruleSetId: 'default',
      ruleSetVersion: 2,
    });
  });

  it('is done when verified, or when the latest value meets the current target', () => {
    expect(light({ ...target100, completion: 'verified' }, '2025-02-01T00:00:00Z')).toBe('done');
    expect(light({ ...target100, latestValue: 100 }, '2025-02-01T00:00:00Z')).toBe('done');
    expect(
      light(
        { ...target100, latestValue: 100, current: { value: 100, comparator: 'gt' } },
        '2024-06-01T00:00:00Z',
      ),
    ).not.toBe('done');
  });

  it('is overdue after the end of the due day in China time, not before', () => {
    // 2024-12-31 24:00 in Shanghai is 2024-12-31T16:00Z.
    expect(light({ ...target100, latestValue: 99 }, '2024-12-31T15:59:59.999Z')).toBe('at-risk');
    expect(light({ ...target100, latestValue: 99 }, '2024-12-31T16:00:00.000Z')).toBe('overdue');
  });

  it('is not-acknowledged while a lead has not acknowledged the current terms', () => {
    expect(
      light({ ...target100, leadAcknowledged: false, latestValue: 90 }, '2024-03-01T00:00:00Z'),
    ).toBe('not-acknowledged');
    // Overdue outranks it.
    expect(light({ ...target100, leadAcknowledged: false }, '2025-01-05T00:00:00Z')).toBe(
      'overdue',
    );
  });

  it('is at-risk behind the pro-rata schedule (序时进度), on-track ahead of it', () => {
    // On 2024-07-01 (China) about half of the year is gone.
    expect(light({ ...target100, latestValue: 45 }, '2024-07-01T00:00:00Z')).toBe('at-risk');
    expect(light({ ...target100, latestValue: 55 }, '2024-07-01T00:00:00Z')).toBe('on-track');
    expect(light(target100, '2024-07-01T00:00:00Z')).toBe('at-risk');
  });

  it('is at-risk within 30 days of the due date when not met', () => {
    expect(
      light({ ...target100, latestValue: 99.9, dueDate: '2024-06-30' }, '2024-06-05T00:00:00Z'),
    ).toBe('at-risk');
    expect(light({ ...target100, latestValue: 99.9 }, '2024-11-30T00:00:00Z')).toBe('on-track');
    expect(light({ ...target100, latestValue: 99.9 }, '2024-12-02T00:00:00Z')).toBe('at-risk');
  });

  it('gives a task without a quantified target a light from its dates and acknowledgement only', () => {
    const task: StatusInput = {
      dueDate: '2024-12-31',
      planYear: 2024,
      completion: 'open',
      leadAcknowledged: true,
    };
    expect(light(task, '2024-07-01T00:00:00Z')).toBe('on-track');
    expect(light(task, '2024-12-15T00:00:00Z')).toBe('at-risk');
    expect(light(task, '2025-01-15T00:00:00Z')).toBe('overdue');
  });

  it('scores against both the original and the current target', () => {
    const lowered: StatusInput = {
      ...target100,
      current: { value: 80, comparator: 'gte' },
      latestValue: 85,
    };
    expect(assessStatus(lowered, at('2024-12-01T00:00:00Z'), DEFAULT_RULE_SET)).toMatchObject({
      metCurrent: true,
      metOriginal: false,
    });
  });

  it('does not light done on a value that meets only a lowered target until completion is verified', () => {
    const lowered: StatusInput = {
      ...target100,
      current: { value: 80, comparator: 'gte' },
      latestValue: 85,
    };
    const now = at('2024-10-01T00:00:00Z');
    expect(assessStatus(lowered, now, DEFAULT_RULE_SET).light).toBe('on-track');
    expect(assessStatus({ ...lowered, completion: 'claimed' }, now, DEFAULT_RULE_SET).light).toBe(
      'on-track',
    );
    expect(assessStatus({ ...lowered, completion: 'verified' }, now, DEFAULT_RULE_SET).light).toBe(
      'done',
    );
    expect(assessStatus({ ...lowered, latestValue: 100 }, now, DEFAULT_RULE_SET).light).toBe(
      'done',
    );
  });

  it('reads lower-is-better targets the other way round', () => {
    const ceiling: StatusInput = {
      ...target100,
      current: { value: 35, comparator: 'lte' },
      original: { value: 35, comparator: 'lte' },
    };
    expect(light({ ...ceiling, latestValue: 30 }, '2024-06-01T00:00:00Z')).toBe('done');
    expect(light({ ...ceiling, latestValue: 70 }, '2024-06-01T00:00:00Z')).toBe('on-track');
    expect(light({ ...ceiling, latestValue: 140 }, '2024-06-01T00:00:00Z')).toBe('at-risk');
  });
});

describe('progress', () => {
  it('is the ratio to the target, or the way from the baseline for cumulative targets', () => {
    expect(progressTowards(50, { value: 200, comparator: 'gte' })).toBe(0.25);
    expect(progressTowards(1800, { value: 1900, comparator: 'gte' }, 'cumulative', 1700)).toBe(0.5);
    // A baseline does not apply to in-period targets.
    expect(
      progressTowards(1800, { value: 1900, comparator: 'gte' }, 'in-period', 1700),
    ).toBeCloseTo(0.947, 3);
    expect(progressTowards(40, { value: 20, comparator: 'lte' }, 'cumulative', 60)).toBe(0.5);
  });

  it('expects the elapsed share of the time from 1 January of the plan year to the due date', () => {
    const start = Date.parse('2023-12-31T16:00:00Z');
    const end = Date.parse('2024-12-31T16:00:00Z');
    expect(expectedProgress(2024, '2024-12-31', start, 480)).toBe(0);
    expect(expectedProgress(2024, '2024-12-31', (start + end) / 2, 480)).toBe(0.5);
    expect(expectedProgress(2024, '2024-12-31', end + 1, 480)).toBe(1);
    expect(
      expectedProgress(2024, '2024-06-30', Date.parse('2024-03-31T16:00:00Z'), 480),
    ).toBeCloseTo(91 / 182, 5);
  });
});

describe('custom rule sets', () => {
  it('draws the lights another place uses, with its own parameters', () => {
    // Blue: deadline near; yellow: behind schedule; red: overdue (one city's convention).
    const city: StatusRuleSet = {
      id: 'city-b',
      version: 3,
      parameters: { dueSoonDays: 10, scheduleTolerance: 0.1, utcOffsetMinutes: 480 },
      rules: [
        { light: 'green-done', when: [['verified']] },
        { light: 'red', when: [['pastDue']] },
        { light: 'blue', when: [['dueSoon']] },
        { light: 'yellow', when: [['behindSchedule'], ['noReport']] },
        { light: 'green', when: [['always']] },
      ],
    };
    expect(
      assessStatus({ ...target100, latestValue: 45 }, at('2024-07-01T00:00:00Z'), city),
    ).toMatchObject({ light: 'green', ruleSetId: 'city-b', ruleSetVersion: 3 });
    expect(light({ ...target100, latestValue: 35 }, '2024-07-01T00:00:00Z', city)).toBe('yellow');
    expect(light({ ...target100, latestValue: 35 }, '2024-12-25T00:00:00Z', city)).toBe('blue');
    expect(light({ ...target100, latestValue: 100 }, '2025-01-25T00:00:00Z', city)).toBe('red');
  });

  it('refuses a rule set that leaves an obligation without a light', () => {
    const partial: StatusRuleSet = {
      ...DEFAULT_RULE_SET,
      id: 'partial',
      rules: [{ light: 'done', when: [['verified']] }],
    };
    expect(() => assessStatus(target100, at('2024-07-01T00:00:00Z'), partial)).toThrow(
      /gives no light/,
    );
  });
});
