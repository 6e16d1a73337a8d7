/** How the target's history names each recorded event and field (event types as the API sends them). */
export const EVENT_TEXT: Record<string, string> = {
  TargetRegistered: '指标登记',
  TaskRegistered: '任务登记',
  LeadAssigned: '指定牵头单位',
  SupportingUnitAssigned: '指定配合单位',
  AssignmentRemoved: '撤销分工',
  AssignmentAcknowledged: '签收',
  AssignmentDeclined: '退回',
  MilestoneReported: '填报进展',
  TargetRevisionProposed: '提出指标调整',
  TargetRevised: '调整指标',
  TargetRevisionRejected: '驳回指标调整',
  DeadlineExtensionRequested: '申请延期',
  DeadlineExtensionApproved: '同意延期',
  DeadlineExtensionRejected: '驳回延期',
  CompletionClaimed: '申请办结',
  CompletionVerified: '核销办结',
  CompletionSentBack: '退回办结申请',
  TargetReopened: '重新打开',
};

export const FIELD_TEXT: Record<string, string> = {
  value: '目标值',
  comparator: '比较方式',
  unit: '计量单位',
  dueDate: '完成时限',
  owners: '责任单位',
  completion: '办结状态',
  latestReport: '最新填报',
  acknowledgement: '签收状态',
};

/** A recorded value in one line: owners as unit lists, reports as value and date. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.leads) || Array.isArray(v.supporting))
    return [
      `牵头：${((v.leads as string[]) ?? []).join('、') || '—'}`,
      `配合：${((v.supporting as string[]) ?? []).join('、') || '—'}`,
    ].join('；');
  if ('value' in v && 'asOf' in v) return `${v.value}（${v.asOf}${v.unit ? ` · ${v.unit}` : ''}）`;
  return JSON.stringify(value);
}
