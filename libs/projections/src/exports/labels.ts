import type { Comparator } from '@duty-ledger/domain';
import { CHINA_OFFSET_MINUTES } from '../shared/time';

/** How the exports word things for Chinese readers. */

const COMPARATOR_SIGNS: Record<Comparator, string> = {
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
  eq: '=',
};

export const targetText = (
  t: { value: number; comparator: Comparator; unit: string } | undefined,
): string | undefined =>
  t === undefined ? undefined : `${COMPARATOR_SIGNS[t.comparator]}${t.value}${t.unit}`;

export const ROLE_LABELS: Record<string, string> = { lead: '牵头', supporting: '配合' };

export const ACK_LABELS: Record<string, string> = {
  pending: '待签收',
  acknowledged: '已签收',
  reopened: '条款变更待重新签收',
  declined: '已退回',
};

export const COMPLETION_LABELS: Record<string, string> = {
  open: '未办结',
  claimed: '已申请办结',
  verified: '已审核办结',
};

/** Labels of the default rule set's lights; other rule sets' lights are shown as named. */
export const LIGHT_LABELS: Record<string, string> = {
  done: '已完成',
  overdue: '逾期',
  'not-acknowledged': '未签收',
  'at-risk': '滞后风险',
  'on-track': '正常推进',
};

export const CHANGE_KIND_LABELS: Record<string, string> = {
  lowered: '目标下调',
  raised: '目标上调',
  redefined: '目标口径调整',
  'deadline-moved': '截止日期调整',
  'owner-changed': '责任单位调整',
};

export const yesNo = (value: boolean | undefined): string | undefined =>
  value === undefined ? undefined : value ? '是' : '否';

/** An instant as China local time, to the minute. */
export const localTime = (instant: string): string =>
  new Date(Date.parse(instant) + CHINA_OFFSET_MINUTES * 60_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');

export const ownersText = (owners: {
  leads: readonly string[];
  supporting: readonly string[];
}): string =>
  `牵头:${owners.leads.join('、') || '无'};配合:${owners.supporting.join('、') || '无'}`;
