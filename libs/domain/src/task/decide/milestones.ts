import type { TaskEvent } from '../../events/task-events';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../../errors';
import { unitOfLead } from '../../shared/authority';
import { compact, requireEvidence, requireText } from '../../shared/text-rules';
import type { CorrectReport, ReportMilestone, ReportTaskProgress } from '../commands/task-command';
import { requireTaskWithoutTargets } from '../rules/item';
import { requireTarget } from '../rules/lookup';
import { requirePlausibleValue, requireReportDate } from '../rules/report-values';
import { requireNotVerified } from '../rules/target-state-rules';
import { requireReportingUnit } from '../rules/unit-authority';
import type { RegisteredTask } from '../task-state';

/**
 * 进展反馈 by a unit that owes the target, each unit its own figure. Evidence is optional here
 * (it is required to claim completion): asking for attachments on every report is the
 * over-documentation users resent.
 */
export function decideReportMilestone(command: ReportMilestone, task: RegisteredTask): TaskEvent[] {
  const target = requireTarget(task, command.data.targetId);
  const unit = requireReportingUnit(task, command.metadata.actor, target.targetId);
  requireNotVerified(target);

  const { milestoneId, value, asOf, note, evidence } = command.data;
  requireText(milestoneId, 'milestoneId');
  requireUnusedReportId(
    target.reports.some((r) => r.milestoneId === milestoneId),
    milestoneId,
  );
  requirePlausibleValue(target, value);
  requireReportDate(asOf, command.metadata.now, target.original.dueDate);
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

/** A progress note on a task without targets: what was done, maybe how far along (percent). */
export function decideReportTaskProgress(
  command: ReportTaskProgress,
  task: RegisteredTask,
): TaskEvent[] {
  requireTaskWithoutTargets(task);
  const unit = requireReportingUnit(task, command.metadata.actor, undefined);
  requireNotVerified(task);
  const { reportId, asOf, percent, evidence } = command.data;
  requireText(reportId, 'reportId');
  requireUnusedReportId(task.progressReportIds.includes(reportId), reportId);
  const note = requireText(command.data.note, 'note');
  requireReportDate(asOf, command.metadata.now, task.originalDueDate);
  if (percent !== undefined && !(Number.isFinite(percent) && percent >= 0 && percent <= 100)) {
    throw new RuleViolationError(
      'percent must be a number from 0 to 100',
      { field: 'percent', percent },
      'percent-out-of-range',
    );
  }
  return [
    {
      type: 'TaskProgressReported',
      schemaVersion: 1,
      data: compact({
        taskId: task.taskId,
        reportId,
        unit,
        asOf,
        note,
        evidence: requireEvidence(evidence, false),
        percent,
      }),
    },
  ];
}

/**
 * A wrong figure is corrected, never edited: by the unit that filed it, or by a supervisor. The
 * corrected figure must itself be plausible, and must differ from the one it replaces.
 */
export function decideCorrectReport(command: CorrectReport, task: RegisteredTask): TaskEvent[] {
  const { actor } = command.metadata;
  const target = requireTarget(task, command.data.targetId);
  const { reportId, value } = command.data;
  const report = target.reports.find((r) => r.milestoneId === reportId);
  if (!report) {
    throw new NotFoundError(
      `report ${reportId} of ${target.targetId} does not exist`,
      { reportId },
      'report-not-found',
    );
  }
  if (actor.role === 'lead' && unitOfLead(actor) !== report.unit) {
    throw new ForbiddenError(
      `only ${report.unit}, which filed report ${reportId}, or a supervisor may correct it`,
      { reportId, unit: report.unit },
      'report-not-own',
    );
  }
  requireNotVerified(target);
  const reason = requireText(command.data.reason, 'reason');
  requirePlausibleValue(target, value);
  if (value === report.value) {
    throw new RuleViolationError(
      `report ${reportId} already says ${value}`,
      { reportId, value },
      'correction-changes-nothing',
    );
  }
  return [
    {
      type: 'ReportCorrected',
      schemaVersion: 1,
      data: {
        taskId: task.taskId,
        targetId: target.targetId,
        reportId,
        unit: report.unit,
        previousValue: report.value,
        value,
        reason,
        correctedBy: actor.id,
      },
    },
  ];
}

function requireUnusedReportId(used: boolean, reportId: string): void {
  if (used) {
    throw new RuleViolationError(
      `report id ${reportId} is already used`,
      { reportId },
      'report-id-used',
    );
  }
}
