import type { ChartOption } from '../../components/EChart';
import type { HistoryEntry, TargetDetails } from '../../types';

export interface ChartText {
  readonly reported: string;
  readonly target: string;
  readonly originalTarget: string;
  readonly proRata: string;
}

/** The reports' values as recorded in the history, by the date each report is as of. */
export function reportedPoints(entries: readonly HistoryEntry[]): [string, number][] {
  return entries
    .filter((e) => e.type === 'MilestoneReported')
    .flatMap((e) => e.changes.filter((c) => c.field === 'latestReport'))
    .map((c) => c.after as { value: number; asOf: string })
    .filter((r) => r && typeof r.value === 'number')
    .map((r): [string, number] => [r.asOf, r.value])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * Reported values over time against the current (and, if changed, the original) target, and the
 * pro-rata line: from nothing at the start of the plan's year to the target on its due date.
 */
export function progressChart(
  target: TargetDetails & { planYear?: number },
  entries: readonly HistoryEntry[],
  text: ChartText,
): ChartOption {
  const points = reportedPoints(entries);
  const start = target.planYear ? `${target.planYear}-01-01` : target.registeredAt.slice(0, 10);
  const due = target.current.dueDate ?? start;
  const goal = target.current.value ?? 0;
  const originalGoal = target.original.value;
  const series: unknown[] = [
    { name: text.reported, type: 'line', data: points, symbolSize: 8, label: { show: true } },
    {
      name: text.proRata,
      type: 'line',
      data: [
        [start, 0],
        [due, goal],
      ],
      lineStyle: { type: 'dashed' },
      symbol: 'none',
    },
    {
      name: text.target,
      type: 'line',
      data: [
        [start, goal],
        [due, goal],
      ],
      lineStyle: { color: '#cf1322' },
      itemStyle: { color: '#cf1322' },
      symbol: 'none',
    },
  ];
  if (originalGoal !== undefined && originalGoal !== goal)
    series.push({
      name: text.originalTarget,
      type: 'line',
      data: [
        [start, originalGoal],
        [target.original.dueDate ?? due, originalGoal],
      ],
      lineStyle: { color: '#8c8c8c', type: 'dotted' },
      itemStyle: { color: '#8c8c8c' },
      symbol: 'none',
    });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: target.current.unit ?? '' },
    series,
  };
}
