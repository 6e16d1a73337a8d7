import type {
  Comparator,
  MeasureKind,
  PlanEvent,
  TargetKind,
  TaskEvent,
} from '@duty-ledger/domain';
import { targetIdOf, taskIdOf } from '@duty-ledger/domain';

export interface FixtureTarget {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly comparator?: Comparator;
  readonly kind?: TargetKind;
  readonly measure?: MeasureKind;
  readonly dueDate?: string;
  readonly baseline?: { readonly value: number; readonly date?: string };
}

export interface FixtureTask {
  readonly no: number;
  readonly title: string;
  readonly sectionNo?: string;
  readonly sectionTitle?: string;
  readonly dueDate?: string;
  readonly leads: readonly string[];
  readonly supporting?: readonly string[];
  readonly targets?: readonly FixtureTarget[];
}

/** The events of importing a plan, shaped as the import writes them (task-level assignments). */
export function planImport(
  planId: string,
  year: number,
  tasks: readonly FixtureTask[],
): (PlanEvent | TaskEvent)[] {
  const dueDate = `${year}-12-31`;
  const sectionOf = (t: FixtureTask) => ({
    no: t.sectionNo ?? '二',
    title: t.sectionTitle ?? '推进数字化转型',
  });
  const sections = [...new Map(tasks.map((t) => [sectionOf(t).no, sectionOf(t)])).values()];
  const plan: PlanEvent = {
    type: 'PlanRegistered',
    schemaVersion: 2,
    data: {
      planId,
      title: `${year}年度工作方案`,
      year,
      dueDate,
      sections,
      tasks: tasks.map((t) => ({
        taskId: taskIdOf(planId, t.no),
        no: t.no,
        title: t.title,
        sectionNo: sectionOf(t).no,
      })),
    },
  };
  const taskEvents = tasks.flatMap((t): TaskEvent[] => {
    const taskId = taskIdOf(planId, t.no);
    const taskDue = t.dueDate ?? dueDate;
    return [
      {
        type: 'TaskRegistered',
        schemaVersion: 2,
        data: {
          planId,
          taskId,
          no: t.no,
          sectionNo: sectionOf(t).no,
          sectionTitle: sectionOf(t).title,
          title: t.title,
          body: `${t.title}。`,
          dueDate: taskDue,
        },
      },
      ...(t.targets ?? []).map((g, i): TaskEvent => ({
        type: 'TargetRegistered',
        schemaVersion: 2,
        data: {
          planId,
          taskId,
          targetId: targetIdOf(taskId, i + 1),
          metric: g.metric,
          value: g.value,
          unit: g.unit,
          comparator: g.comparator ?? 'gte',
          kind: g.kind ?? 'in-period',
          measure: g.measure ?? 'count',
          dueDate: g.dueDate ?? taskDue,
          sourceText: `${g.metric}${g.value}${g.unit}`,
          ...(g.baseline ? { baseline: g.baseline } : {}),
        },
      })),
      ...t.leads.map((unit): TaskEvent => ({
        type: 'LeadAssigned',
        schemaVersion: 1,
        data: { taskId, unit, reason: '计划文本指定' },
      })),
      ...(t.supporting ?? []).map((unit): TaskEvent => ({
        type: 'SupportingUnitAssigned',
        schemaVersion: 1,
        data: { taskId, unit, reason: '计划文本指定' },
      })),
    ];
  });
  return [plan, ...taskEvents];
}
