import type { ImportPlanResult } from './import-plan.command';

export interface ImportPlanResponse {
  readonly planId: string;
  readonly position: string;
  readonly tasks: readonly {
    readonly taskId: string;
    readonly no: number;
    readonly title: string;
    readonly targets: readonly { readonly targetId: string; readonly metric: string }[];
  }[];
}

/** The ids a client needs next, read off the events the import appended. */
export function importResponse(result: ImportPlanResult): ImportPlanResponse {
  const tasks = result.streams.flatMap(({ events }) => {
    const registered = events.find((e) => e.type === 'TaskRegistered');
    if (!registered || registered.type !== 'TaskRegistered') return [];
    const targets = events.flatMap((e) =>
      e.type === 'TargetRegistered' ? [{ targetId: e.data.targetId, metric: e.data.metric }] : [],
    );
    return [
      {
        taskId: registered.data.taskId,
        no: registered.data.no,
        title: registered.data.title,
        targets,
      },
    ];
  });
  return { planId: result.planId, position: result.position, tasks };
}
