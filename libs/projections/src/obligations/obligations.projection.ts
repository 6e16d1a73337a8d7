import type Database from 'better-sqlite3';
import type { MilestoneReported, ReportCorrected, TaskEvent } from '@duty-ledger/domain';
import { asDomainEvent } from '../shared/domain-events';
import { LruCache } from '../shared/lru-cache';
import { latestByUnit, progressOf, progressRuleFor, type UnitFigure } from '../shared/progress';
import { covers, leadsAcknowledged, type AssignmentView, type TaskView } from '../shared/task-view';
import { VersionedTable, type RowValues } from '../shared/versioned-table';
import {
  taskViewReadModel,
  type Projection,
  type ProjectionEvent,
  type ProjectionWriter,
  type WriterContext,
} from '../runner/projection';
import {
  ITEM_KEY,
  ITEM_VALUES,
  OBLIGATION_KEY,
  OBLIGATION_TABLES,
  OBLIGATION_VALUES,
  OBLIGATIONS_DDL,
} from './obligations.schema';

/** Events that cannot change items or obligations. */
const NO_ROW_CHANGE: ReadonlySet<TaskEvent['type']> = new Set([
  'TaskProgressReported',
  'TargetRevisionProposed',
  'TargetRevisionRejected',
  'DeadlineExtensionRequested',
  'DeadlineExtensionRejected',
]);

export function itemRows(view: TaskView | undefined): Map<string, RowValues> {
  const rows = new Map<string, RowValues>();
  if (!view || view.withdrawn) return rows;
  const task = {
    plan_id: view.planId,
    task_id: view.taskId,
    task_no: view.no,
    task_title: view.title,
    section_no: view.sectionNo,
    section_title: view.sectionTitle,
  };
  if (view.targets.length === 0) {
    rows.set(view.taskId, {
      item_id: view.taskId,
      ...task,
      target_id: null,
      due_date: view.dueDate,
      orig_due_date: view.originalDueDate,
      completion: view.completion,
      lead_acknowledged: leadsAcknowledged(view, undefined) ? 1 : 0,
      deadline_moves: view.deadlineMoves,
      registered_at: view.registeredAt,
    });
  }
  for (const t of view.targets) {
    rows.set(t.targetId, {
      item_id: t.targetId,
      ...task,
      target_id: t.targetId,
      metric: t.metric,
      kind: t.kind,
      measure: t.measure,
      baseline: t.baseline?.value ?? null,
      value: t.current.value,
      comparator: t.current.comparator,
      unit: t.current.unit,
      due_date: t.current.dueDate,
      orig_value: t.original.value,
      orig_comparator: t.original.comparator,
      orig_unit: t.original.unit,
      orig_due_date: t.original.dueDate,
      completion: t.completion,
      lead_acknowledged: leadsAcknowledged(view, t.targetId) ? 1 : 0,
      deadline_moves: t.deadlineMoves,
      registered_at: t.registeredAt,
    });
  }
  return rows;
}

/**
 * One obligation per unit and item. A unit owing an item through several assignments (the task
 * and the target, or two roles) holds the strongest: lead before supporting, then the assignment
 * made on the target itself; its acknowledgement is the one shown.
 */
export function obligationRows(view: TaskView | undefined): Map<string, RowValues> {
  const rows = new Map<string, RowValues>();
  if (!view || view.withdrawn) return rows;
  const itemIds: (string | undefined)[] =
    view.targets.length === 0 ? [undefined] : view.targets.map((t) => t.targetId);
  const rank = (a: AssignmentView) =>
    (a.role === 'lead' ? 0 : 2) + (a.targetId === undefined ? 1 : 0);
  for (const targetId of itemIds) {
    const itemId = targetId ?? view.taskId;
    // A collective placeholder (各相关单位) owes nothing until a supervisor names real units.
    const owing = view.assignments.filter(
      (a) =>
        !a.isGroup && (targetId === undefined ? a.targetId === undefined : covers(a, targetId)),
    );
    const governing = new Map<string, AssignmentView>();
    for (const a of owing) {
      const held = governing.get(a.unit);
      if (!held || rank(a) < rank(held)) governing.set(a.unit, a);
    }
    for (const [unit, a] of governing) {
      rows.set(`${unit}\u0000${itemId}`, {
        unit,
        item_id: itemId,
        role: a.role,
        scope: a.targetId === undefined ? 'task' : 'target',
        via_group: a.viaGroup ?? null,
        is_group: a.isGroup ? 1 : 0,
        ack_state: a.ack,
        ack_version: a.ackVersion ?? null,
        assigned_at: a.assignedAt,
        answered_at: a.answeredAt ?? null,
        owed_since: a.owedSince ?? null,
      });
    }
  }
  return rows;
}

/** A unit's latest figure for a target, as the writer keeps it. */
type HeldFigure = UnitFigure & { readonly reportId: string };

/** The lead units whose figures count for a target: named, and not having returned it. */
function countedLeads(view: TaskView, targetId: string): string[] {
  return view.assignments
    .filter((a) => a.role === 'lead' && !a.isGroup && a.ack !== 'declined' && covers(a, targetId))
    .map((a) => a.unit)
    .sort();
}

interface Rows {
  readonly items: Map<string, RowValues>;
  readonly obligations: Map<string, RowValues>;
}

/** The rows a view stands for, kept for its next event (a plan import is a burst on each task). */
interface ViewRows extends Rows {
  readonly view: TaskView;
}

const NO_ROWS: Rows = { items: new Map(), obligations: new Map() };

class ObligationsWriter implements ProjectionWriter {
  private readonly items: VersionedTable;
  private readonly obligations: VersionedTable;
  private readonly insertPlan: Database.Statement<[string, string, number, string, string]>;
  private readonly insertReport: Database.Statement<[string, string, number, string, string]>;
  private readonly withdrawPlan: Database.Statement<[string, string, string]>;
  private readonly unitFigures: Database.Statement<[string], HeldFigure>;
  private readonly putUnitFigure: Database.Statement<
    [string, string, string, number, string, number]
  >;
  private seq = 0;
  /** Targets with at least one unit figure: only their progress can change with their leads. */
  private readonly reported: Set<string>;
  private readonly lastRows = new LruCache<string, ViewRows>(256);

  constructor(db: Database.Database, { fresh }: WriterContext) {
    // A fresh build knows every current version: it closes them by rowid, without the key indexes.
    this.items = new VersionedTable(db, OBLIGATION_TABLES.items, ITEM_KEY, ITEM_VALUES, {
      track: fresh,
    });
    this.obligations = new VersionedTable(
      db,
      OBLIGATION_TABLES.obligations,
      OBLIGATION_KEY,
      OBLIGATION_VALUES,
      { track: fresh },
    );
    this.insertPlan = db.prepare(
      `INSERT OR REPLACE INTO ${OBLIGATION_TABLES.plans} (plan_id, title, year, due_date, recorded_at) VALUES (?, ?, ?, ?, ?)`,
    );
    this.withdrawPlan = db.prepare(
      `UPDATE ${OBLIGATION_TABLES.plans} SET withdrawn_at = ?, withdrawal_reason = ? WHERE plan_id = ?`,
    );
    this.insertReport = db.prepare(
      `INSERT INTO ${OBLIGATION_TABLES.reports} (target_id, unit, value, as_of_date, recorded_at) VALUES (?, ?, ?, ?, ?)`,
    );
    const figures = OBLIGATION_TABLES.unitFigures;
    this.unitFigures = db.prepare(
      `SELECT unit, report_id AS reportId, value, as_of_date AS asOf, seq AS "order" FROM ${figures} WHERE target_id = ?`,
    );
    this.putUnitFigure = db.prepare(
      `INSERT OR REPLACE INTO ${figures} (target_id, unit, report_id, value, as_of_date, seq) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.seq =
      (db.prepare(`SELECT max(seq) AS n FROM ${figures}`).get() as { n: number | null }).n ?? 0;
    this.reported = new Set(
      (db.prepare(`SELECT DISTINCT target_id AS id FROM ${figures}`).all() as { id: string }[]).map(
        (r) => r.id,
      ),
    );
  }

  /**
   * A report or a correction changes one unit's latest figure; the target's progress is then
   * worked out again from its lead units' figures (declined leads do not count) and recorded.
   */
  private recordFigure(
    event: MilestoneReported | ReportCorrected,
    view: TaskView | undefined,
    at: string,
  ): void {
    const { targetId, unit } = event.data;
    const held = this.unitFigures.all(targetId);
    const mine = held.find((f) => f.unit === unit);
    let figure: HeldFigure;
    if (event.type === 'MilestoneReported') {
      const { milestoneId, value, asOf } = event.data;
      this.seq += 1;
      figure = { unit, reportId: milestoneId, value, asOf, order: this.seq };
      // A report about an earlier day than the unit's latest changes nothing counted.
      if (mine && latestByUnit([mine, figure]).get(unit) === mine) return;
    } else {
      // Only a correction of the unit's latest report changes its figure.
      if (!mine || mine.reportId !== event.data.reportId) return;
      figure = { ...mine, value: event.data.value };
    }
    this.putUnitFigure.run(
      targetId,
      unit,
      figure.reportId,
      figure.value,
      figure.asOf,
      figure.order,
    );
    this.reported.add(targetId);
    if (view)
      this.recordProgress(view, targetId, [...held.filter((f) => f !== mine), figure], unit, at);
  }

  /** The target's progress from its counted leads' figures, as a row of the report table. */
  private recordProgress(
    view: TaskView,
    targetId: string,
    held: readonly HeldFigure[],
    unit: string,
    at: string,
  ): void {
    const target = view.targets.find((t) => t.targetId === targetId);
    if (!target) return;
    const progress = progressOf(
      progressRuleFor(target.measure),
      latestByUnit(held),
      new Set(countedLeads(view, targetId)),
    );
    if (!progress) return;
    // Rows are read latest by (as_of_date, seq): the day stored is the latest any held figure is
    // about, which never goes back (figures are only added or corrected), so the newest row wins
    // even when a lead stops counting.
    const latestDay = held.reduce((max, f) => (f.asOf > max ? f.asOf : max), progress.asOf);
    this.insertReport.run(targetId, unit, progress.value, latestDay, at);
  }

  /**
   * A lead that returns its assignment, is removed or is added changes whose figures count: the
   * progress of its reported targets is worked out again.
   */
  private recountLeads(before: TaskView, after: TaskView, at: string): void {
    for (const target of after.targets) {
      const { targetId } = target;
      if (!this.reported.has(targetId)) continue;
      const now = countedLeads(after, targetId);
      if (now.join('\u0000') === countedLeads(before, targetId).join('\u0000')) continue;
      const held = this.unitFigures.all(targetId);
      const newest = [...held].sort((a, b) => b.order - a.order)[0];
      if (newest) this.recordProgress(after, targetId, held, newest.unit, at);
    }
  }

  apply({ event: recorded, at, task }: ProjectionEvent): void {
    const event = asDomainEvent(recorded);
    if (!event) return;
    if (event.type === 'PlanRegistered') {
      const d = event.data;
      this.insertPlan.run(d.planId, d.title, d.year, d.dueDate, at);
      return;
    }
    if (event.type === 'PlanWithdrawn') {
      this.withdrawPlan.run(at, event.data.reason, event.data.planId);
      return;
    }
    if (event.type === 'MilestoneReported' || event.type === 'ReportCorrected') {
      this.recordFigure(event, task?.after, at);
      return;
    }
    if (!task) return;
    const { before, after } = task;
    if (!after || after === before) return;
    if (NO_ROW_CHANGE.has(event.type)) return;
    const was = this.rowsOf(before);
    const now = this.rowsOf(after);
    this.lastRows.set(after.taskId, now);
    this.items.sync(was.items, now.items, at);
    this.obligations.sync(was.obligations, now.obligations, at);
    if (before) this.recountLeads(before, after, at);
  }

  private rowsOf(view: TaskView): ViewRows;
  private rowsOf(view: TaskView | undefined): Rows;
  private rowsOf(view: TaskView | undefined): Rows {
    if (!view) return NO_ROWS;
    const last = this.lastRows.get(view.taskId);
    if (last?.view === view) return last;
    const rows: ViewRows = { view, items: itemRows(view), obligations: obligationRows(view) };
    return rows;
  }
}

export const obligationsProjection: Projection = taskViewReadModel({
  name: 'obligations',
  // 3: plans record their withdrawal; collective placeholders owe nothing
  version: 3,
  tables: OBLIGATION_TABLES,
  ddl: OBLIGATIONS_DDL,
  open: (db, context) => new ObligationsWriter(db, context),
});
