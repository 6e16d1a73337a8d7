import type { Obligation } from '../obligations/obligations.query';
import { toCsv } from './csv';
import {
  ACK_LABELS,
  COMPLETION_LABELS,
  LIGHT_LABELS,
  ROLE_LABELS,
  targetText,
  yesNo,
} from './labels';
import type { Column } from './table';
import { toXlsx } from './xlsx';

const ackText = (o: Obligation): string => {
  const label = ACK_LABELS[o.acknowledgement.state] ?? o.acknowledgement.state;
  return o.acknowledgement.state === 'acknowledged' && o.acknowledgement.version !== undefined
    ? `${label}(第${o.acknowledgement.version}版)`
    : label;
};

export const OBLIGATION_COLUMNS: readonly Column<Obligation>[] = [
  { header: '单位', value: (o) => o.unit, width: 16 },
  { header: '角色', value: (o) => ROLE_LABELS[o.role] ?? o.role, width: 6 },
  { header: '计划', value: (o) => o.planTitle ?? o.planId, width: 24 },
  { header: '部分', value: (o) => `${o.sectionNo}、${o.sectionTitle}`, width: 20 },
  { header: '任务编号', value: (o) => o.taskNo, width: 8 },
  { header: '任务', value: (o) => o.taskTitle, width: 30 },
  { header: '指标', value: (o) => o.metric, width: 30 },
  { header: '原目标', value: (o) => targetText(o.originalTarget) },
  { header: '现目标', value: (o) => targetText(o.target) },
  {
    header: '最新上报值',
    value: (o) => (o.latestReport ? `${o.latestReport.value}${o.target?.unit ?? ''}` : undefined),
  },
  { header: '上报截至', value: (o) => o.latestReport?.asOf, width: 12 },
  { header: '进度', value: (o) => o.status.progress, percent: true, width: 8 },
  { header: '序时进度', value: (o) => o.status.expectedProgress, percent: true, width: 8 },
  { header: '达到现目标', value: (o) => yesNo(o.status.metCurrent), width: 8 },
  { header: '达到原目标', value: (o) => yesNo(o.status.metOriginal), width: 8 },
  { header: '签收状态', value: ackText, width: 18 },
  { header: '办结状态', value: (o) => COMPLETION_LABELS[o.completion] ?? o.completion, width: 12 },
  { header: '原截止日期', value: (o) => o.originalDueDate, width: 12 },
  { header: '截止日期', value: (o) => o.dueDate, width: 12 },
  { header: '状态', value: (o) => LIGHT_LABELS[o.status.light] ?? o.status.light, width: 10 },
  {
    header: '状态规则',
    value: (o) => `${o.status.ruleSetId} v${o.status.ruleSetVersion}`,
    width: 12,
  },
];

export const obligationsCsv = (rows: Iterable<Obligation>): string =>
  toCsv(OBLIGATION_COLUMNS, rows);

export const obligationsXlsx = (rows: Iterable<Obligation>): Promise<Buffer> =>
  toXlsx('履职清单', OBLIGATION_COLUMNS, rows);
