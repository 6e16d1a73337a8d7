import type Database from 'better-sqlite3';
import type { Actor, TaskEvent } from '@duty-ledger/domain';
import { formatPosition } from '@duty-ledger/event-store';
import { asDomainEvent, metadataOf, occurredAtOf } from '../shared/domain-events';
import { LruCache } from '../shared/lru-cache';
import { ownersOf, type TargetValue, type TargetView, type TaskView } from '../shared/task-view';
import {
  taskViewReadModel,
  type Projection,
  type ProjectionEvent,
  type ProjectionWriter,
  type WriterContext,
} from '../runner/projection';
import { classifyValueChange, type TargetChangeKind } from './change-kind';
import { TARGET_CHANGE_TABLES, TARGET_CHANGES_DDL } from './target-changes.schema';

/** One row of the feed, before it is stored. */
export interface ChangeRecord {
  readonly kind: TargetChangeKind;
  readonly targetId?: string;
  readonly metric?: string;
  readonly original: unknown;
  readonly previous: unknown;
  readonly next: unknown;
  readonly proposedBy?: string;
  readonly proposedByUnit?: string;
  readonly approvedBy?: string;
  readonly reason?: string;
  readonly reference?: string;
  /** Units that can see the change. */
  readonly units: readonly string[];
}

const valueOf = (t: TargetView['current']): TargetValue => ({
  value: t.value,
  comparator: t.comparator,
  unit: t.unit,
});

const unitsOwing = (view: TaskView, targetId: string | undefined): string[] => {
  const owners = ownersOf(view, targetId);
  return [...owners.leads, ...owners.supporting];
};

/** The changes of terms an event made, read from the views before and after it. */
export function changesOf(
  event: TaskEvent,
  before: TaskView,
  after: TaskView,
  actor: Actor | undefined,
  commandId: string | undefined,
): ChangeRecord[] {
  switch (event.type) {
    case 'TargetRevised': {
      const d = event.data;
      const was = before.targets.find((t) => t.targetId === d.targetId);
      const now = after.targets.find((t) => t.targetId === d.targetId);
      if (!was || !now) return [];
      const proposal = before.proposals.find((p) => p.revisionId === d.revisionId);
      const common = {
        targetId: d.targetId,
        metric: now.metric,
        proposedBy: d.proposedBy,
        ...(proposal?.proposedByUnit ? { proposedByUnit: proposal.proposedByUnit } : {}),
        approvedBy: d.approvedBy,
        reason: d.reason,
        ...(d.reference ? { reference: d.reference } : {}),
        units: [
          ...new Set([
            ...unitsOwing(after, d.targetId),
            ...(proposal?.proposedByUnit ? [proposal.proposedByUnit] : []),
          ]),
        ],
      };
      const records: ChangeRecord[] = [];
      const kind = classifyValueChange(valueOf(was.current), valueOf(now.current));
      if (kind)
        records.push({
          kind,
          ...common,
          original: valueOf(now.original),
          previous: valueOf(was.current),
          next: valueOf(now.current),
        });
      if (was.current.dueDate !== now.current.dueDate) {
        records.push({
          kind: 'deadline-moved',
          ...common,
          original: now.original.dueDate,
          previous: was.current.dueDate,
          next: now.current.dueDate,
        });
      }
      return records;
    }
    case 'DeadlineExtensionApproved': {
      const d = event.data;
      const now = after.targets.find((t) => t.targetId === d.targetId);
      if (!now || d.previousDueDate === d.newDueDate) return [];
      const request = before.extensions.find((e) => e.extensionId === d.extensionId);
      const reason = d.reason ?? request?.reason;
      return [
        {
          kind: 'deadline-moved',
          targetId: d.targetId,
          metric: now.metric,
          original: now.original.dueDate,
          previous: d.previousDueDate,
          next: d.newDueDate,
          ...(request ? { proposedBy: request.requestedBy, proposedByUnit: request.unit } : {}),
          approvedBy: d.approvedBy,
          ...(reason ? { reason } : {}),
          units: [
            ...new Set([...unitsOwing(after, d.targetId), ...(request ? [request.unit] : [])]),
          ],
        },
      ];
    }
    case 'LeadAssigned':
    case 'SupportingUnitAssigned':
    case 'AssignmentRemoved': {
      // The units the plan named when it was issued are its terms, not a change of them.
      if (commandId !== undefined && commandId === before.registeredBy) return [];
      const d = event.data;
      const previous = ownersOf(before, d.targetId);
      const next = ownersOf(after, d.targetId);
      if (JSON.stringify(previous) === JSON.stringify(next)) return [];
      const metric =
        d.targetId === undefined
          ? undefined
          : after.targets.find((t) => t.targetId === d.targetId)?.metric;
      return [
        {
          kind: 'owner-changed',
          ...(d.targetId !== undefined ? { targetId: d.targetId } : {}),
          ...(metric ? { metric } : {}),
          original: previous,
          previous,
          next,
          ...(actor ? { proposedBy: actor.id, approvedBy: actor.id } : {}),
          reason: d.reason,
          units: [
            ...new Set([
              ...previous.leads,
              ...previous.supporting,
              ...next.leads,
              ...next.supporting,
            ]),
          ],
        },
      ];
    }
    default:
      return [];
  }
}

class TargetChangesWriter implements ProjectionWriter {
  private readonly insertPlan: Database.Statement<[string, number]>;
  private readonly planYear: Database.Statement<[string], { year: number }>;
  private readonly firstOwners: Database.Statement<[string, string | null], { previous: string }>;
  private readonly insertChange: Database.Statement;
  private readonly insertUnit: Database.Statement<[string, number | bigint]>;
  private readonly years = new LruCache<string, number>(10_000);
  /**
   * In a fresh build, the `previous` owners of each scope's first change of owners (task id and
   * target id), so the table need not be asked, nor indexed.
   */
  private readonly firstOwnerChanges: Map<string, string> | undefined;

  constructor(db: Database.Database, { fresh }: WriterContext) {
    this.firstOwnerChanges = fresh ? new Map() : undefined;
    const { changes, units, plans } = TARGET_CHANGE_TABLES;
    this.insertPlan = db.prepare(`INSERT OR REPLACE INTO ${plans} (plan_id, year) VALUES (?, ?)`);
    this.planYear = db.prepare(`SELECT year FROM ${plans} WHERE plan_id = ?`);
    // The original owners are those before the first change of them.
    this.firstOwners = db.prepare(
      `SELECT previous FROM ${changes} WHERE task_id = ? AND target_id IS ? AND kind = 'owner-changed' ORDER BY seq LIMIT 1`,
    );
    this.insertChange = db.prepare(`INSERT INTO ${changes}
      (kind, event_type, plan_id, plan_year, task_id, task_no, task_title, target_id, metric, original, previous, next,
       proposed_by, proposed_by_unit, approved_by, actor, reason, reference, occurred_at, recorded_at, position)
      VALUES (@kind, @event_type, @plan_id, @plan_year, @task_id, @task_no, @task_title, @target_id, @metric, @original, @previous, @next,
       @proposed_by, @proposed_by_unit, @approved_by, @actor, @reason, @reference, @occurred_at, @recorded_at, @position)`);
    this.insertUnit = db.prepare(`INSERT OR IGNORE INTO ${units} (unit, seq) VALUES (?, ?)`);
  }

  apply({ event: recorded, at, task }: ProjectionEvent): void {
    const event = asDomainEvent(recorded);
    if (!event) return;
    if (event.type === 'PlanRegistered') {
      this.insertPlan.run(event.data.planId, event.data.year);
      this.years.set(event.data.planId, event.data.year);
      return;
    }
    if (event.type === 'PlanWithdrawn') return;
    if (event.type === 'MilestoneReported' || !task?.before || !task.after) return;
    const { before, after } = task;
    const meta = metadataOf(recorded);
    for (const change of changesOf(event, before, after, meta.actor, meta.commandId)) {
      const original =
        change.kind === 'owner-changed'
          ? (this.firstOwnersOf(after.taskId, change.targetId) ?? JSON.stringify(change.original))
          : JSON.stringify(change.original);
      const { lastInsertRowid } = this.insertChange.run({
        kind: change.kind,
        event_type: event.type,
        plan_id: after.planId,
        plan_year: this.yearOf(after.planId) ?? Number(after.dueDate.slice(0, 4)),
        task_id: after.taskId,
        task_no: after.no,
        task_title: after.title,
        target_id: change.targetId ?? null,
        metric: change.metric ?? null,
        original,
        previous: JSON.stringify(change.previous),
        next: JSON.stringify(change.next),
        proposed_by: change.proposedBy ?? null,
        proposed_by_unit: change.proposedByUnit ?? null,
        approved_by: change.approvedBy ?? null,
        actor: meta.actor ? JSON.stringify(meta.actor) : null,
        reason: change.reason ?? null,
        reference: change.reference ?? null,
        occurred_at: occurredAtOf(recorded, at),
        recorded_at: at,
        position: formatPosition(recorded.position),
      });
      for (const unit of change.units) this.insertUnit.run(unit, lastInsertRowid);
      if (change.kind === 'owner-changed') {
        const scope = `${after.taskId}\u0000${change.targetId ?? ''}`;
        if (!this.firstOwnerChanges?.has(scope))
          this.firstOwnerChanges?.set(scope, JSON.stringify(change.previous));
      }
    }
  }

  private firstOwnersOf(taskId: string, targetId: string | undefined): string | undefined {
    if (this.firstOwnerChanges)
      return this.firstOwnerChanges.get(`${taskId}\u0000${targetId ?? ''}`);
    return this.firstOwners.get(taskId, targetId ?? null)?.previous;
  }

  private yearOf(planId: string): number | undefined {
    const known = this.years.get(planId);
    if (known !== undefined) return known;
    const year = this.planYear.get(planId)?.year;
    if (year !== undefined) this.years.set(planId, year);
    return year;
  }
}

export const targetChangesProjection: Projection = taskViewReadModel({
  name: 'target-changes',
  version: 1,
  tables: TARGET_CHANGE_TABLES,
  ddl: TARGET_CHANGES_DDL,
  open: (db, context) => new TargetChangesWriter(db, context),
});
