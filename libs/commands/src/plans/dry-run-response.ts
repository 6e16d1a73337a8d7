import type { PlanEvent, StreamEvents, TaskEvent } from '@duty-ledger/domain';
import type { PlanSource } from './plan-draft-of';

/** What an import would register, read off the events it would append (nothing is appended). */
export function dryRunResponse(planId: string, source: PlanSource, decision: StreamEvents[]) {
  const all = decision.flatMap((s) => s.events as readonly (PlanEvent | TaskEvent)[]);
  const tasks = decision.flatMap(({ events }) => {
    const registered = events.find((e) => e.type === 'TaskRegistered');
    if (!registered || registered.type !== 'TaskRegistered') return [];
    const owners = (type: 'LeadAssigned' | 'SupportingUnitAssigned') =>
      events.flatMap((e) =>
        e.type === type
          ? [
              {
                unit: e.data.unit,
                ...(e.data.viaGroup ? { viaGroup: e.data.viaGroup } : {}),
                ...(e.data.isGroup ? { isGroup: true } : {}),
              },
            ]
          : [],
      );
    return [
      {
        taskId: registered.data.taskId,
        no: registered.data.no,
        title: registered.data.title,
        dueDate: registered.data.dueDate,
        leads: owners('LeadAssigned'),
        supporting: owners('SupportingUnitAssigned'),
        targets: events.flatMap((e) =>
          e.type === 'TargetRegistered'
            ? [
                {
                  targetId: e.data.targetId,
                  metric: e.data.metric,
                  value: e.data.value,
                  comparator: e.data.comparator,
                  unit: e.data.unit,
                  kind: e.data.kind,
                  measure: e.data.measure,
                  dueDate: e.data.dueDate,
                  ...(e.data.baseline ? { baseline: e.data.baseline } : {}),
                },
              ]
            : [],
        ),
      },
    ];
  });
  const units = [
    ...new Set(
      all.flatMap((e) =>
        (e.type === 'LeadAssigned' || e.type === 'SupportingUnitAssigned') && !e.data.isGroup
          ? [e.data.unit]
          : [],
      ),
    ),
  ];
  return {
    dryRun: true as const,
    planId,
    title: source.draft.title,
    year: source.draft.year,
    dueDate: source.draft.dueDate,
    ...(source.draft.noticeRef ? { noticeRef: source.draft.noticeRef } : {}),
    taskCount: tasks.length,
    targetCount: tasks.reduce((n, t) => n + t.targets.length, 0),
    units,
    tasks,
    warnings: source.warnings,
    unclassified: source.unclassified,
    review: source.review,
  };
}
