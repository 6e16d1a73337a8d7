import type { Terms } from '../types';

const COMPARATORS: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

/** "≥ 100 个" for a quantified target, '' for a task without one. */
export function formatTarget(terms?: Terms): string {
  if (!terms || terms.value === undefined) return '';
  return `${COMPARATORS[terms.comparator ?? 'gte'] ?? ''} ${terms.value}${terms.unit ? ` ${terms.unit}` : ''}`;
}

/** "≥ 100 个 · 2024-12-31": the value and the due date, whichever are present. */
export function formatTerms(terms?: Terms): string {
  return [formatTarget(terms), terms?.dueDate].filter(Boolean).join(' · ');
}

export function percent(share?: number | null): string {
  return share === undefined || share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** An instant as the reader's local date and time, minutes precision. */
export function formatInstant(instant?: string): string {
  if (!instant) return '';
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
