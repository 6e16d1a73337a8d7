import type { TargetChange } from '../target-changes/target-changes.query';
import { toCsv } from './csv';
import { CHANGE_KIND_LABELS, localTime, ownersText, targetText } from './labels';
import type { Column } from './table';
import { toXlsx } from './xlsx';

/** A value of the feed in words: a target, a date or the owners, by the change's kind. */
function valueText(change: TargetChange, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (change.kind === 'deadline-moved') return String(value);
  if (change.kind === 'owner-changed')
    return ownersText(value as { leads: string[]; supporting: string[] });
  return targetText(value as Parameters<typeof targetText>[0]);
}

const person = (who: { id: string; unit?: string } | undefined): string | undefined =>
  who === undefined ? undefined : who.unit ? `${who.id}(${who.unit})` : who.id;

export const TARGET_CHANGE_COLUMNS: readonly Column<TargetChange>[] = [
  { header: '生效时间', value: (c) => localTime(c.occurredAt), width: 17 },
  { header: '类型', value: (c) => CHANGE_KIND_LABELS[c.kind] ?? c.kind, width: 14 },
  { header: '计划编号', value: (c) => c.planId, width: 12 },
  { header: '任务编号', value: (c) => c.taskNo, width: 8 },
  { header: '任务', value: (c) => c.taskTitle, width: 30 },
  { header: '指标', value: (c) => c.metric ?? '(整项任务)', width: 30 },
  { header: '原始值', value: (c) => valueText(c, c.original), width: 20 },
  { header: '调整前', value: (c) => valueText(c, c.previous), width: 20 },
  { header: '调整后', value: (c) => valueText(c, c.next), width: 20 },
  { header: '提出人', value: (c) => person(c.proposedBy), width: 18 },
  { header: '批准人', value: (c) => person(c.approvedBy), width: 14 },
  { header: '原因', value: (c) => c.reason, width: 30 },
  { header: '依据文号', value: (c) => c.reference, width: 20 },
  { header: '记录时间', value: (c) => localTime(c.recordedAt), width: 17 },
  { header: '日志位置', value: (c) => c.position, width: 10 },
];

export const targetChangesCsv = (rows: Iterable<TargetChange>): string =>
  toCsv(TARGET_CHANGE_COLUMNS, rows);

export const targetChangesXlsx = (rows: Iterable<TargetChange>): Promise<Buffer> =>
  toXlsx('指标调整记录', TARGET_CHANGE_COLUMNS, rows);
