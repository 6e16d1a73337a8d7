import type Database from 'better-sqlite3';
import type { TaskEvent } from '@duty-ledger/domain';
import { formatPosition } from '@duty-ledger/event-store';
import { asDomainEvent, metadataOf, occurredAtOf } from '../shared/domain-events';
import { LruCache } from '../shared/lru-cache';
import { sameJson } from '../shared/same-json';
import {
  leadsAcknowledged,
  ownersOf,
  covers,
  type TaskView,
  type TargetView,
} from '../shared/task-view';
import {
  taskViewReadModel,
  type Projection,
  type ProjectionEvent,
  type ProjectionWriter,
  type WriterContext,
} from '../runner/projection';
import { TARGET_TABLES, TARGETS_DDL } from './targets.schema';
import type { FieldChange, TargetSnapshot, TrackedField } from './target-state';

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
    return sameJson(from, to)
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
export function targetState(view: TaskView, target: TargetView): TargetSnapshot {
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

/** Fields of an event that its history entry carries elsewhere (or that name where it applies). */
const NOT_DETAILS = new Set([
  'planId',
  'taskId',
  'targetId',
  'reason',
  'reference',
  'before',
  'after',
]);

/**
 * What the event asked for or decided, beyond the fields it changed: the terms a proposal asks
 * for, the date an extension requests, who proposed and who approved a revision (and which
 * proposal it carried out), the evidence of a claim. Null when there is nothing more.
 */
function detailsOf(event: TaskEvent): string | null {
  const details = Object.fromEntries(
    Object.entries(event.data).filter(([key]) => !NOT_DETAILS.has(key)),
  );
  return Object.keys(details).length > 0 ? JSON.stringify(details) : null;
}

type Text = string | null;
/** A history entry's columns: those of its event, then target_id, changes, state. */
type EntryParams = [[string, Text, string, string, string, Text, Text, Text], string, string, Text];

interface ReportFact {
  readonly value: number;
  readonly asOf: string;
  readonly unit: string;
}

/** Per target: its state as history entries store it, and its tracked fields. */
interface TargetFacts {
  readonly state: TargetSnapshot;
  readonly tracked: Record<string, unknown> | undefined;
}

/**
 * The facts of one view's targets, each worked out on first use (a target-level event needs one,
 * a task-level event all). Kept for the view's next event, whose "before" it is.
 */
class ViewFacts {
  private readonly targets = new Map<string, TargetFacts | null>();

  constructor(readonly view: TaskView) {}

  of(targetId: string): TargetFacts | undefined {
    let facts = this.targets.get(targetId);
    if (facts === undefined) {
      const target = this.view.targets.find((t) => t.targetId === targetId);
      facts = target
        ? { state: targetState(this.view, target), tracked: trackedFields(target, this.view) }
        : null;
      this.targets.set(targetId, facts);
    }
    return facts ?? undefined;
  }
}

class TargetsWriter implements ProjectionWriter {
  private readonly insertPlan: Database.Statement<[string, string, number]>;
  private readonly insertEntry: Database.Statement<EntryParams>;
  private readonly latestReport: Database.Statement<[string], ReportFact>;
  private readonly insertReport: Database.Statement;
  private readonly reportRow: Database.Statement<
    [string, string],
    { asOf: string; note: string | null; evidence: string }
  >;
  /**
   * The latest report of each target, as the report table would answer: of every target in a
   * fresh build (so the table need not be asked, nor indexed), of those seen lately otherwise.
   */
  private readonly latest: {
    get(targetId: string): ReportFact | undefined;
    set(targetId: string, report: ReportFact): unknown;
  };
  private readonly fresh: boolean;
  private readonly lastFacts = new LruCache<string, ViewFacts>(256);

  constructor(db: Database.Database, { fresh }: WriterContext) {
    this.fresh = fresh;
    this.latest = fresh ? new Map<string, ReportFact>() : new LruCache<string, ReportFact>(50_000);
    this.insertPlan = db.prepare(
      `INSERT OR REPLACE INTO ${TARGET_TABLES.plans} (plan_id, title, year) VALUES (?, ?, ?)`,
    );
    this.insertEntry = db.prepare(`INSERT INTO ${TARGET_TABLES.history}
      (type, actor, occurred_at, recorded_at, position, reason, reference, details, target_id, changes, state)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.latestReport = db.prepare(
      `SELECT value, as_of_date AS asOf, unit FROM ${TARGET_TABLES.reports} WHERE target_id = ? ORDER BY as_of_date DESC, seq DESC LIMIT 1`,
    );
    this.insertReport = db.prepare(`INSERT INTO ${TARGET_TABLES.reports}
      (target_id, milestone_id, unit, value, as_of_date, recorded_at, note, evidence, filed_by, correction_reason)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.reportRow = db.prepare(
      `SELECT as_of_date AS asOf, note, evidence FROM ${TARGET_TABLES.reports}
       WHERE target_id = ? AND milestone_id = ? ORDER BY seq DESC LIMIT 1`,
    );
  }

  apply({ event: recorded, at, task }: ProjectionEvent): void {
    const event = asDomainEvent(recorded);
    if (!event) return;
    if (event.type === 'PlanRegistered') {
      this.insertPlan.run(event.data.planId, event.data.title, event.data.year);
      return;
    }
    // Each task's TaskWithdrawn enters the history of its targets.
    if (event.type === 'PlanWithdrawn') return;
    const meta = metadataOf(recorded);
    // What every entry of this event shares: type, actor, occurred_at, recorded_at, position, reason, reference.
    const entry: EntryParams[0] = [
      event.type,
      meta.actor ? JSON.stringify(meta.actor) : null,
      occurredAtOf(recorded, at),
      at,
      formatPosition(recorded.position),
      reasonOf(event) ?? null,
      (event.data as { reference?: string }).reference ?? null,
      detailsOf(event),
    ];
    if (event.type === 'MilestoneReported') {
      // Reports change no terms: the entry shows how the latest report moved, from the report table.
      const d = event.data;
      const before =
        this.latest.get(d.targetId) ?? (this.fresh ? undefined : this.latestReport.get(d.targetId));
      this.insertReport.run(
        d.targetId,
        d.milestoneId,
        d.unit,
        d.value,
        d.asOf,
        at,
        d.note ?? null,
        JSON.stringify(d.evidence),
        meta.actor?.id ?? null,
        null,
      );
      // The latest is by measurement day, then recording order: the new report wins ties.
      const after =
        before === undefined || d.asOf >= before.asOf
          ? { value: d.value, asOf: d.asOf, unit: d.unit }
          : before;
      this.latest.set(d.targetId, after);
      const changes = fieldChanges({ latestReport: before }, { latestReport: after });
      this.insertEntry.run(entry, d.targetId, JSON.stringify(changes), null);
      return;
    }
    if (event.type === 'ReportCorrected') {
      // The report stays; a row with the corrected figure follows it, and the entry shows both.
      const d = event.data;
      const report = this.reportRow.get(d.targetId, d.reportId);
      if (!report) return;
      this.insertReport.run(
        d.targetId,
        d.reportId,
        d.unit,
        d.value,
        report.asOf,
        at,
        report.note,
        report.evidence,
        d.correctedBy,
        d.reason,
      );
      const figure = (value: number) => ({
        reportId: d.reportId,
        unit: d.unit,
        asOf: report.asOf,
        value,
      });
      const changes = fieldChanges(
        { reportValue: figure(d.previousValue) },
        { reportValue: figure(d.value) },
      );
      this.insertEntry.run(entry, d.targetId, JSON.stringify(changes), null);
      return;
    }
    if (event.type === 'TaskProgressReported') return;
    if (!task?.after) return;
    const { before, after } = task;
    const factsBefore = before && this.factsOf(before);
    const factsAfter = this.factsOf(after);
    for (const targetId of touchedTargets(event, after)) {
      const now = factsAfter.of(targetId);
      if (!now) continue;
      const was = factsBefore?.of(targetId);
      this.insertEntry.run(
        entry,
        targetId,
        JSON.stringify(fieldChanges(was?.tracked, now.tracked)),
        was && sameJson(was.state, now.state) ? null : JSON.stringify(now.state),
      );
    }
    this.lastFacts.set(after.taskId, factsAfter);
  }

  private factsOf(view: TaskView): ViewFacts {
    const last = this.lastFacts.get(view.taskId);
    return last?.view === view ? last : new ViewFacts(view);
  }
}

export const targetsProjection: Projection = taskViewReadModel({
  name: 'targets',
  // 3: history entries carry the details of what was asked for and decided
  version: 3,
  tables: TARGET_TABLES,
  ddl: TARGETS_DDL,
  open: (db, context) => new TargetsWriter(db, context),
});
