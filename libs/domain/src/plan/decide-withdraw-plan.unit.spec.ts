import type { PlanRegistered, PlanWithdrawn } from '../events/plan-events';
import { deciderSpec } from '../testing/given-when-then';
import {
  admin,
  command,
  imported,
  supervisor,
  TARGET_1,
  TASK_ID,
  区数据局,
} from '../testing/task-fixtures';
import { taskDecider } from '../task/task-decider';
import { planDecider } from './plan-decider';

const { given } = deciderSpec(planDecider);

const registered: PlanRegistered = {
  type: 'PlanRegistered',
  schemaVersion: 1,
  data: {
    planId: 'cn-2024',
    title: '长宁区2024年度城市数字化转型工作方案',
    year: 2024,
    dueDate: '2024-12-31',
    sections: [{ no: '二', title: '强化统筹推进' }],
    tasks: [
      { taskId: 'cn-2024-t01', no: 1, title: '加强统筹协调推进', sectionNo: '二' },
      { taskId: 'cn-2024-t02', no: 2, title: '推进新型信息基础设施建设', sectionNo: '二' },
    ],
  },
};
const reason = '机构调整，方案整体撤销';
const withdraw = (data: { planId?: string; reason?: string } = {}, actor = admin) =>
  command('WithdrawPlan', { planId: 'cn-2024', reason, ...data }, actor);
const withdrawn: PlanWithdrawn = {
  type: 'PlanWithdrawn',
  schemaVersion: 1,
  data: { planId: 'cn-2024', reason, withdrawnBy: admin.id },
};
const taskWithdrawn = (taskId: string) => ({
  type: 'TaskWithdrawn' as const,
  schemaVersion: 1 as const,
  data: { planId: 'cn-2024', taskId, reason },
});

describe('WithdrawPlan', () => {
  it('given a registered plan, when an admin withdraws it, then each task and then the plan record it', () => {
    given(registered)
      .when(withdraw())
      .then(
        { streamId: 'task-cn-2024-t01', events: [taskWithdrawn('cn-2024-t01')] },
        { streamId: 'task-cn-2024-t02', events: [taskWithdrawn('cn-2024-t02')] },
        { streamId: 'plan-cn-2024', events: [withdrawn] },
      );
  });

  it('refuses a supervisor, an empty reason, an unknown plan and a second withdrawal', () => {
    given(registered).when(withdraw({}, supervisor)).thenThrows('forbidden');
    given(registered)
      .when(withdraw({ reason: '  ' }))
      .thenThrows('rule-violation', 'reason');
    given().when(withdraw()).thenThrows('not-found');
    given(registered, withdrawn).when(withdraw()).thenThrows('illegal-state', 'already withdrawn');
  });

  it('given a withdrawn task, when anyone acts on it, then it is refused and the reason is named', () => {
    const state = [...imported, taskWithdrawn(TASK_ID)].reduce(
      taskDecider.evolve,
      taskDecider.initialState(),
    );
    const report = command(
      'ReportMilestone',
      { targetId: TARGET_1, milestoneId: 'm-1', value: 10, asOf: '2024-06-01', evidence: [] },
      区数据局,
    );
    expect(() => taskDecider.decide(report, state)).toThrow('withdrawn with its plan');
  });
});
