import type { TaskEvent } from '../../events/task-events';
import { RuleViolationError } from '../../errors';
import { requireIsoDate, shanghaiDateOf } from '../../shared/dates';
import {
  compact,
  requireEvidence,
  requireFiniteNumber,
  requireText,
} from '../../shared/text-rules';
import type { ReportMilestone } from '../commands/task-command';
import { requireTarget } from '../rules/lookup';
import { requireNotVerified } from '../rules/target-state-rules';
import { requireOwnerUnitOfTarget } from '../rules/unit-authority';
import type { RegisteredTask } from '../task-state';

/**
 * 进展反馈 by any unit that owes the target. Evidence is optional here (it is required to claim
 * completion): asking for attachments on every report is the over-documentation users resent.
 */
export function decideReportMilestone(command: ReportMilestone, task: RegisteredTask): TaskEvent[] {
  const target = requireTarget(task, command.data.targetId);
  const unit = requireOwnerUnitOfTarget(task, command.metadata.actor, target.targetId);
  requireNotVerified(target);

  const { milestoneId, value, asOf, note, evidence } = command.data;
  requireText(milestoneId, 'milestoneId');
  requireFiniteNumber(value, 'value');
  requireIsoDate(asOf, 'asOf');
  const today = shanghaiDateOf(command.metadata.now);
  if (asOf > today) {
    throw new RuleViolationError(`asOf ${asOf} is after today (${today}, Asia/Shanghai)`, {
      asOf,
      today,
    });
  }
  return [
    {
      type: 'MilestoneReported',
      schemaVersion: 1,
      data: compact({
        taskId: task.taskId,
        targetId: target.targetId,
        milestoneId,
        unit,
        value,
        asOf,
        basis: target.kind,
        note,
        evidence: requireEvidence(evidence, false),
      }),
    },
  ];
}
