import type { PlanEvent } from '../events/plan-events';
import type { TaskEvent } from '../events/task-events';
import { IllegalStateError, NotFoundError } from '../errors';
import { planStreamId, taskStreamId } from '../ids';
import { requireRole } from '../shared/authority';
import { requireText } from '../shared/text-rules';
import type { WithdrawPlan } from './commands/import-plan';
import type { StreamEvents } from './decide-import-plan';
import type { PlanState } from './plan-state';

/**
 * Withdraws (撤销) a plan: TaskWithdrawn on each of its task streams, so that they take no more
 * commands and owe nothing, then PlanWithdrawn on the plan stream. Only an admin withdraws; the
 * reason is required, since it is the only record of why the obligations ended.
 */
export function decideWithdrawPlan(command: WithdrawPlan, state: PlanState): StreamEvents[] {
  requireRole(command.metadata.actor, 'admin');
  const { planId } = command.data;
  if (state.status !== 'registered')
    throw new NotFoundError(`plan ${planId} does not exist`, { planId });
  if (state.withdrawal)
    throw new IllegalStateError(`plan ${planId} is already withdrawn`, { planId });
  const reason = requireText(command.data.reason, 'reason');
  const withdrawn: PlanEvent = {
    type: 'PlanWithdrawn',
    schemaVersion: 1,
    data: { planId, reason, withdrawnBy: command.metadata.actor.id },
  };
  return [
    ...state.tasks.map(({ taskId }) => ({
      streamId: taskStreamId(taskId),
      events: [
        {
          type: 'TaskWithdrawn',
          schemaVersion: 1,
          data: { planId, taskId, reason },
        } satisfies TaskEvent,
      ],
    })),
    { streamId: planStreamId(planId), events: [withdrawn] },
  ];
}
