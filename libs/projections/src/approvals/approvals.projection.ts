import type Database from 'better-sqlite3';
import type { Actor, TaskEvent } from '@duty-ledger/domain';
import { asDomainEvent, isPlanEvent, metadataOf } from '../shared/domain-events';
import type { TaskView } from '../shared/task-view';
import { OPEN_END } from '../shared/time';
import { taskViewReadModel, type Projection, type ProjectionEvent } from '../runner/projection';
import { APPROVAL_TABLES, APPROVALS_DDL } from './approvals.schema';
import { pendingRequests, type PendingRequest } from './pending-requests';

const { requests } = APPROVAL_TABLES;

/** The columns of a request, from the event that made it. */
interface RequestDetails {
  readonly requestId: string;
  readonly requestedBy: string;
  readonly reason?: string;
  readonly proposed?: object;
  readonly current?: object;
  readonly requestedDueDate?: string;
}

function detailsOf(
  event: TaskEvent,
  request: PendingRequest,
  before: TaskView | undefined,
  eventId: string,
  actor: Actor | undefined,
): RequestDetails {
  switch (event.type) {
    case 'TargetRevisionProposed': {
      const d = event.data;
      const terms = before?.targets.find((t) => t.targetId === d.targetId)?.current;
      const current = terms
        ? Object.fromEntries(
            Object.keys(d.changes).map((field) => [field, terms[field as keyof typeof terms]]),
          )
        : undefined;
      return {
        requestId: d.revisionId,
        requestedBy: d.proposedBy,
        reason: d.reason,
        proposed: { ...d.changes },
        ...(current ? { current } : {}),
      };
    }
    case 'DeadlineExtensionRequested': {
      const d = event.data;
      return {
        requestId: d.extensionId,
        requestedBy: d.requestedBy,
        reason: d.reason,
        current: { dueDate: d.currentDueDate },
        requestedDueDate: d.requestedDueDate,
      };
    }
    case 'CompletionClaimed':
      return {
        requestId: eventId,
        requestedBy: event.data.claimedBy,
        ...(event.data.note ? { reason: event.data.note } : {}),
      };
    case 'AssignmentDeclined':
      return {
        requestId: eventId,
        requestedBy: actor?.id ?? request.unit ?? '',
        reason: event.data.reason,
      };
    default:
      return { requestId: eventId, requestedBy: actor?.id ?? '' };
  }
}

class ApprovalsWriter {
  private readonly open: Database.Statement;
  private readonly close: Database.Statement<[string, string, string]>;

  constructor(db: Database.Database) {
    this.open = db.prepare(`INSERT INTO ${requests}
      (request_key, kind, request_id, plan_id, task_id, task_no, task_title, target_id, metric, unit,
       requested_by, requested_by_name, requested_at, reason, proposed, current, requested_due_date, valid_from, valid_to)
      VALUES (@key, @kind, @requestId, @planId, @taskId, @taskNo, @taskTitle, @targetId, @metric, @unit,
       @requestedBy, @requestedByName, @at, @reason, @proposed, @current, @requestedDueDate, @at, '${OPEN_END}')`);
    this.close = db.prepare(
      `UPDATE ${requests} SET valid_to = ? WHERE task_id = ? AND request_key = ? AND valid_to = '${OPEN_END}'`,
    );
  }

  apply({ event: recorded, at, task }: ProjectionEvent): void {
    const event = asDomainEvent(recorded);
    if (!event || isPlanEvent(event) || !task?.after || task.after === task.before) return;
    const { before, after } = task;
    const was = pendingRequests(before);
    const now = pendingRequests(after);
    for (const key of was.keys()) if (!now.has(key)) this.close.run(at, after.taskId, key);
    const actor = metadataOf(recorded).actor;
    for (const [key, request] of now) {
      if (was.has(key)) continue;
      const details = detailsOf(event, request, before, recorded.id, actor);
      const targetId = request.targetId ?? (event.data as { targetId?: string }).targetId;
      this.open.run({
        key,
        kind: request.kind,
        requestId: details.requestId,
        planId: after.planId,
        taskId: after.taskId,
        taskNo: after.no,
        taskTitle: after.title,
        targetId: targetId ?? null,
        metric: after.targets.find((t) => t.targetId === targetId)?.metric ?? null,
        unit: request.unit ?? (event.data as { unit?: string }).unit ?? null,
        requestedBy: details.requestedBy,
        requestedByName: actor?.id === details.requestedBy ? (actor.name ?? null) : null,
        at,
        reason: details.reason ?? null,
        proposed: details.proposed ? JSON.stringify(details.proposed) : null,
        current: details.current ? JSON.stringify(details.current) : null,
        requestedDueDate: details.requestedDueDate ?? null,
      });
    }
  }
}

export const approvalsProjection: Projection = taskViewReadModel({
  name: 'approvals',
  version: 1,
  tables: APPROVAL_TABLES,
  ddl: APPROVALS_DDL,
  open: (db) => new ApprovalsWriter(db),
});
