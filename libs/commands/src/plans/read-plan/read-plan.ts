import {
  planDecider,
  planStreamId,
  taskDecider,
  taskStreamId,
  type RegisteredTask,
} from '@duty-ledger/domain';
import { StreamNotFoundError, type EventStore } from '@duty-ledger/event-store';
import type { AnyEvent, Fold } from '../../shared/load-state';

export interface PlanView {
  readonly planId: string;
  readonly title: string;
  readonly year: number;
  readonly dueDate: string;
  /** The 文号 of the notice that published the plan, when its text showed one. */
  readonly noticeRef?: string;
  readonly revision: number;
  /** The instant the plan is shown as of. */
  readonly asOf: string;
  readonly status: 'registered' | 'withdrawn';
  readonly withdrawal?: { readonly reason: string; readonly withdrawnBy: string };
  readonly sections: readonly { readonly no: string; readonly title: string }[];
  readonly units: readonly string[];
  readonly tasks: readonly PlanTaskView[];
}

export interface PlanTaskView {
  readonly taskId: string;
  readonly no: number;
  readonly sectionNo: string;
  /** The headings above the task, outermost first, when the plan text showed them. */
  readonly sectionPath?: readonly string[];
  readonly title: string;
  readonly body: string;
  readonly dueDate: string;
  readonly revision: number;
  readonly leads: readonly PlanAssignmentView[];
  readonly supporting: readonly PlanAssignmentView[];
  readonly targets: readonly PlanTargetView[];
}

interface PlanAssignmentView {
  readonly unit: string;
  readonly targetId?: string;
  readonly viaGroup?: string;
  readonly isGroup?: boolean;
  readonly ackStatus: string;
}

interface PlanTargetView {
  readonly targetId: string;
  readonly metric: string;
  readonly value: number;
  readonly comparator: string;
  readonly unit: string;
  readonly kind: string;
  readonly measure: string;
  readonly dueDate: string;
  /** True when the plan text gave the value as approximate (左右). */
  readonly approximate?: boolean;
  readonly original: {
    readonly value: number;
    readonly comparator: string;
    readonly unit: string;
    readonly dueDate: string;
  };
  readonly completion: string;
  readonly sourceText: string;
}

function taskView(task: RegisteredTask, revision: number): PlanTaskView {
  const assignment = (role: 'lead' | 'supporting') =>
    task.assignments
      .filter((a) => a.role === role)
      .map((a) => ({
        unit: a.unit,
        ...(a.targetId ? { targetId: a.targetId } : {}),
        ...(a.viaGroup ? { viaGroup: a.viaGroup } : {}),
        ...(a.isGroup ? { isGroup: true } : {}),
        ackStatus: a.ackStatus,
      }));
  return {
    taskId: task.taskId,
    no: task.no,
    sectionNo: task.sectionNo,
    ...(task.sectionPath ? { sectionPath: task.sectionPath } : {}),
    title: task.title,
    body: task.body,
    dueDate: task.dueDate,
    revision,
    leads: assignment('lead'),
    supporting: assignment('supporting'),
    targets: task.targets.map((t) => ({
      targetId: t.targetId,
      metric: t.metric,
      ...t.current,
      kind: t.kind,
      measure: t.measure,
      ...(t.approximate ? { approximate: true } : {}),
      original: t.original,
      completion: t.completion.status,
      sourceText: t.sourceText,
    })),
  };
}

/**
 * Folds a stream up to an instant: the events whose application recording time (metadata
 * `recordedAt`, stamped from the injected clock) is at or before it.
 */
async function foldUntil<State, Event extends AnyEvent>(
  store: EventStore,
  streamId: string,
  fold: Fold<State, Event>,
  asOf: string,
): Promise<{ state: State; revision: number }> {
  let state = fold.initialState();
  let revision = -1;
  const until = Date.parse(asOf);
  try {
    for await (const recorded of store.readStream(streamId)) {
      const recordedAt = (recorded.metadata as { recordedAt?: string }).recordedAt;
      if (recordedAt !== undefined && Date.parse(recordedAt) > until) break;
      state = fold.evolve(state, recorded as unknown as Event);
      revision = recorded.revision;
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { state, revision };
}

/**
 * The plan as its streams say as of an instant, folded straight from the store: the write side's
 * own view, consistent with every command already answered.
 */
export async function readPlan(
  store: EventStore,
  planId: string,
  asOf: string,
): Promise<PlanView | undefined> {
  const { state: plan, revision } = await foldUntil(store, planStreamId(planId), planDecider, asOf);
  if (plan.status !== 'registered') return undefined;
  const tasks = await Promise.all(
    plan.tasks.map(async ({ taskId }) => {
      const { state, revision: taskRevision } = await foldUntil(
        store,
        taskStreamId(taskId),
        taskDecider,
        asOf,
      );
      return state.status === 'registered' ? taskView(state, taskRevision) : undefined;
    }),
  );
  const present = tasks.filter((t): t is PlanTaskView => t !== undefined);
  const units = [
    ...new Set(present.flatMap((t) => [...t.leads, ...t.supporting].map((a) => a.unit))),
  ];
  return {
    planId,
    title: plan.title,
    year: plan.year,
    dueDate: plan.dueDate,
    ...(plan.noticeRef ? { noticeRef: plan.noticeRef } : {}),
    revision,
    asOf,
    status: plan.withdrawal ? 'withdrawn' : 'registered',
    ...(plan.withdrawal ? { withdrawal: plan.withdrawal } : {}),
    sections: plan.sections,
    units,
    tasks: present,
  };
}
