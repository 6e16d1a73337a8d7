import type Database from 'better-sqlite3';
import type { TaskEvent } from '@duty-ledger/domain';
import { formatPosition } from '@duty-ledger/event-store';
import { asDomainEvent, metadataOf, occurredAtOf } from '../shared/domain-events';
import {
  evolveTaskView,
  leadsAcknowledged,
  ownersOf,
  covers,
  type TaskView,
  type TargetView,
} from '../shared/task-view';
import { TaskViewStore } from '../shared/task-view-store';
import { dropTables, type Projection, type ProjectionEvent } from '../runner/projection';
import { TARGET_TABLES, TARGETS_DDL } from './targets.schema';
import type { FieldChange, TargetState, TrackedField } from './target-state';

/** The fields a history entry shows the before/after of (the latest report aside, see below). */
function trackedFields(
  target: TargetView | undefined,
  view: TaskView,
): Record<string, unknown> | undefined {
  if (!target) return undefined;
  return {
    value: target.current.value,
    comparator: target.current.comparator,
    unit: target.current.unit,
    dueDate: target.current.dueDate,
    owners: ownersOf(view, target.targetId),
    completion: target.completion,
  };
}

export function fieldChanges(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): FieldChange[] {
  const fields = Object.keys(after ?? before ?? {}) as TrackedField[];
  return fields.flatMap((field) => {
    const from = before?.[field];
    const to = after?.[field];
    return JSON.stringify(from) === JSON.stringify(to)
      ? []
      : [
          {
            field,
            ...(from !== undefined ? { before: from } : {}),
            ...(to !== undefined ? { after: to } : {}),
          },
        ];
  });
}

/** The target's terms and owners as they stand in a view (reports are looked up separately). */
export function targetState(view: TaskView, target: TargetView): TargetState {
  return {
    planId: view.planId,
    taskId: view.taskId,
    taskNo: view.no,
    taskTitle: view.title,
    sectionNo: view.sectionNo,
    sectionTitle: view.sectionTitle,
    targetId: target.targetId,
    metric: target.metric,
    kind: target.kind,
    measure: target.measure,
    sourceText: target.sourceText,
    ...(target.baseline ? { baseline: target.baseline } : {}),
    original: target.original,
    current: target.current,
    completion: target.completion,
    deadlineMoves: target.deadlineMoves,
    leadAcknowledged: leadsAcknowledged(view, target.targetId),
    owners: view.assignments
      .filter((a) => covers(a, target.targetId))
      .map((a) => ({
        unit: a.unit,
        role: a.role,
        scope: a.targetId === undefined ? ('task' as const) : ('target' as const),
        ...(a.viaGroup ? { viaGroup: a.viaGroup } : {}),
        ...(a.isGroup ? { isGroup: true } : {}),
        acknowledgement: a.ack,
        ...(a.ackVersion !== undefined ? { acknowledgedVersion: a.ackVersion } : {}),
      })),
    registeredAt: target.registeredAt,
  };
}

/** The targets an event touched: its own target, or every target of the task for a task-level act. */
function touchedTargets(event: TaskEvent, view: TaskView): string[] {
  if (event.type === 'TaskRegistered') return [];
  const targetId = (event.data as { targetId?: string }).targetId;
  return targetId !== undefined ? [targetId] : view.targets.map((t) => t.targetId);
}

function reasonOf(event: TaskEvent): string | undefined {
  const data = event.data as { reason?: string; note?: string };
  return data.reason ?? data.note;
}

export const targetsProjection: Projection = {
  name: 'targets',
  version: 1,

  setUp(db) {
    db.exec(TARGETS_DDL);
  },

  tearDown(db) {
    dropTables(db, Object.values(TARGET_TABLES));
  },

  applyBatch(db: Database.Database, events: readonly ProjectionEvent[]) {
    const views = new TaskViewStore(db, TARGET_TABLES.taskViews);
    const insertPlan = db.prepare(
      `INSERT OR REPLACE INTO ${TARGET_TABLES.plans} (plan_id, title, year) VALUES (?, ?, ?)`,
    );
    const insertEntry = db.prepare(`INSERT INTO ${TARGET_TABLES.history}
      (target_id, type, actor, occurred_at, recorded_at, position, reason, reference, changes, state)
      VALUES (@target_id, @type, @actor, @occurred_at, @recorded_at, @position, @reason, @reference, @changes, @state)`);
    const latestReport = db.prepare<[string], { value: number; asOf: string; unit: string }>(
      `SELECT value, as_of_date AS asOf, unit FROM ${TARGET_TABLES.reports} WHERE target_id = ? ORDER BY as_of_date DESC, seq DESC LIMIT 1`,
    );
    const insertReport = db.prepare(`INSERT INTO ${TARGET_TABLES.reports}
      (target_id, milestone_id, unit, value, as_of_date, recorded_at, note, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);

    for (const { event: recorded, at } of events) {
      const event = asDomainEvent(recorded);
      if (!event) continue;
      if (event.type === 'PlanRegistered') {
        insertPlan.run(event.data.planId, event.data.title, event.data.year);
        continue;
      }
      const meta = metadataOf(recorded);
      const entry = {
        type: event.type,
        actor: meta.actor ? JSON.stringify(meta.actor) : null,
        occurred_at: occurredAtOf(recorded, at),
        recorded_at: at,
        position: formatPosition(recorded.position),
        reason: reasonOf(event) ?? null,
        reference: (event.data as { reference?: string }).reference ?? null,
      };
      if (event.type === 'MilestoneReported') {
        // Reports change no terms: the entry shows how the latest report moved, from the report table.
        const d = event.data;
        const before = latestReport.get(d.targetId);
        insertReport.run(
          d.targetId,
          d.milestoneId,
          d.unit,
          d.value,
          d.asOf,
          at,
          d.note ?? null,
          JSON.stringify(d.evidence),
        );
        // The latest is by measurement day, then recording order: the new report wins ties.
        const after =
          before === undefined || d.asOf >= before.asOf
            ? { value: d.value, asOf: d.asOf, unit: d.unit }
            : before;
        const changes = fieldChanges({ latestReport: before }, { latestReport: after });
        insertEntry.run({
          ...entry,
          target_id: d.targetId,
          changes: JSON.stringify(changes),
          state: null,
        });
        continue;
      }
      const before = views.get(event.data.taskId);
      const after = evolveTaskView(before, event, {
        at,
        actor: meta.actor,
        commandId: meta.commandId,
      });
      if (!after) continue;
      views.put(after);
      for (const targetId of touchedTargets(event, after)) {
        const targetBefore = before?.targets.find((t) => t.targetId === targetId);
        const targetAfter = after.targets.find((t) => t.targetId === targetId);
        if (!targetAfter) continue;
        const stateBefore =
          before && targetBefore ? JSON.stringify(targetState(before, targetBefore)) : undefined;
        const stateAfter = JSON.stringify(targetState(after, targetAfter));
        insertEntry.run({
          ...entry,
          target_id: targetId,
          changes: JSON.stringify(
            fieldChanges(
              before && trackedFields(targetBefore, before),
              trackedFields(targetAfter, after),
            ),
          ),
          state: stateAfter === stateBefore ? null : stateAfter,
        });
      }
    }
    views.flush();
  },
};
