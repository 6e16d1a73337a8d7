import type { ChartOption } from '../../components/EChart';
import { LIGHTS } from '../../components/StatusLight';
import type { DashboardSummary, StatusCounts } from '../../types';

type Label = (light: string) => string;

/** The plan's items by light, as a ring. */
export function lightsPie(summary: DashboardSummary, label: Label): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        label: { formatter: '{b}\n{c}' },
        // Lights no item has would only crowd the labels; the legend still names them all.
        data: LIGHTS.map((l) => ({
          name: label(l.light),
          value: summary.plan.byLight[l.light] ?? 0,
          itemStyle: { color: l.color },
        })).filter((d) => d.value > 0),
      },
    ],
  };
}

/** Lights stacked per row (sections or units), one bar per row. */
export function lightsBars(
  rows: readonly (StatusCounts & { name: string })[],
  label: Label,
): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      inverse: true,
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: LIGHTS.map((l) => ({
      name: label(l.light),
      type: 'bar',
      stack: 'lights',
      itemStyle: { color: l.color },
      data: rows.map((r) => r.byLight[l.light] ?? 0),
    })),
  };
}

/** Share of a unit's items that are done or on track: what the ranking orders by. */
export function healthyShare(c: StatusCounts): number {
  return c.total === 0 ? 0 : ((c.byLight['done'] ?? 0) + (c.byLight['on-track'] ?? 0)) / c.total;
}

/** Units best first: most items done or on track, then fewest overdue, then most met. */
export function rankUnits<T extends StatusCounts & { unit: string }>(units: readonly T[]): T[] {
  return [...units].sort(
    (a, b) =>
      healthyShare(b) - healthyShare(a) ||
      a.overdue / Math.max(1, a.total) - b.overdue / Math.max(1, b.total) ||
      (b.shareMet ?? 0) - (a.shareMet ?? 0) ||
      a.unit.localeCompare(b.unit, 'zh'),
  );
}
