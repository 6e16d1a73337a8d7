import { narrowPrefixes, planAllFilter } from './filters';

const event = (streamId: string, type: string) => ({ streamId, type });

describe('planAllFilter', () => {
  it('excludes system events on the server when there is no filter', () => {
    const plan = planAllFilter();
    expect(plan.server).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    expect(plan.accepts(event('plan-1', 'PlanImported'))).toBe(true);
  });

  it.each([
    ['a system type in a user stream', event('plan-1', '$streamDeleted')],
    ['a user-looking type in a system stream', event('$projections-x', 'Started')],
    ['a metadata event', event('$$plan-1', '$metadata')],
  ])('rejects %s on the client too', (_name, candidate) => {
    expect(planAllFilter().accepts(candidate)).toBe(false);
    expect(planAllFilter({ streamNamePrefixes: ['plan-', '$$plan-'] }).accepts(candidate)).toBe(
      false,
    );
  });

  it('sends a stream-name prefix filter to the server', () => {
    const plan = planAllFilter({ streamNamePrefixes: ['task-', 'plan-'] });
    expect(plan.server).toMatchObject({ filterOn: 'streamName', prefixes: ['task-', 'plan-'] });
    expect(plan.accepts(event('task-1', 'A'))).toBe(true);
    expect(plan.accepts(event('other-1', 'A'))).toBe(false);
  });

  it('sends an event-type prefix filter to the server', () => {
    const plan = planAllFilter({ eventTypePrefixes: ['Target'] });
    expect(plan.server).toMatchObject({ filterOn: 'eventType', prefixes: ['Target'] });
    expect(plan.accepts(event('task-1', 'TargetRevised'))).toBe(true);
    expect(plan.accepts(event('task-1', 'Acknowledged'))).toBe(false);
  });

  it('with both lists, filters stream names on the server and requires both on the client', () => {
    const plan = planAllFilter({ streamNamePrefixes: ['task-'], eventTypePrefixes: ['Target'] });
    expect(plan.server).toMatchObject({ filterOn: 'streamName', prefixes: ['task-'] });
    expect(plan.accepts(event('task-1', 'TargetRevised'))).toBe(true);
    expect(plan.accepts(event('task-1', 'Acknowledged'))).toBe(false);
    expect(plan.accepts(event('plan-1', 'TargetRevised'))).toBe(false);
  });

  it('matches prefixes case-sensitively and on whole characters', () => {
    const plan = planAllFilter({ streamNamePrefixes: ['任务-'] });
    expect(plan.accepts(event('任务-1', 'A'))).toBe(true);
    expect(plan.accepts(event('任-1', 'A'))).toBe(false);
    expect(planAllFilter({ eventTypePrefixes: ['target'] }).accepts(event('s', 'TargetSet'))).toBe(
      false,
    );
  });

  it('matches nothing with an empty prefix list, as EventStoreDB does', () => {
    const plan = planAllFilter({ streamNamePrefixes: [] });
    expect(plan.server).toMatchObject({ filterOn: 'streamName', prefixes: [] });
    expect(plan.accepts(event('task-1', 'A'))).toBe(false);
    expect(planAllFilter({ eventTypePrefixes: [] }).accepts(event('task-1', 'A'))).toBe(false);
  });
});

describe('narrowing a filter to the streams the application owns', () => {
  it.each([
    [undefined, ['plan-', 'task-'], ['plan-', 'task-']],
    [['plan-'], undefined, ['plan-']],
    [['plan-'], ['plan-', 'task-'], ['plan-']],
    [['plan-7'], ['plan-'], ['plan-7']],
    [['p'], ['plan-', 'task-'], ['plan-']],
    [['billing-'], ['plan-'], []],
  ])('given wanted %p and owned %p, then it reads %p', (wanted, owned, expected) => {
    expect(narrowPrefixes(wanted, owned)).toEqual(expected);
  });

  it('given owned prefixes, then events of other streams are not accepted, whatever the filter', () => {
    const plan = planAllFilter({ eventTypePrefixes: ['Task'] }, ['task-']);
    expect(plan.accepts({ streamId: 'task-1', type: 'TaskAssigned' })).toBe(true);
    expect(plan.accepts({ streamId: 'billing-1', type: 'TaskAssigned' })).toBe(false);
  });
});
