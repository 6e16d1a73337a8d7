import * as domain from './index';

describe('the public surface of @duty-ledger/domain', () => {
  it('exports the deciders, folds, helpers and errors', () => {
    expect(Object.keys(domain).sort()).toEqual(
      expect.arrayContaining([
        'decideTask',
        'evolveTask',
        'initialTaskState',
        'taskDecider',
        'taskCommandScope',
        'TASK_COMMAND_ROLES',
        'currentTerms',
        'termsVersionOf',
        'findTarget',
        'ownersOfTarget',
        'pendingRevision',
        'pendingExtension',
        'decideImportPlan',
        'evolvePlan',
        'initialPlanState',
        'planDecider',
        'expandUnits',
        'DomainError',
        'ForbiddenError',
        'NotFoundError',
        'IllegalStateError',
        'RuleViolationError',
        'isDomainError',
        'meetsTarget',
        'taskIdOf',
        'targetIdOf',
        'taskIdOfTarget',
        'planStreamId',
        'taskStreamId',
        'shanghaiDateOf',
      ]),
    );
  });
});
