import type {
  Actor,
  AssignmentRole,
  Comparator,
  MeasureKind,
  TargetKind,
  TaskEvent,
} from '@duty-ledger/domain';

/**
 * The read side's own fold of a task stream: what the read models need to know about a task at
 * one point of the log, reports aside. It is deliberately independent of the domain's decide/evolve so that a
 * change there cannot silently change what the read models show; it reads only the event catalogue.
 */

export interface Terms {
  readonly value: number;
  readonly comparator: Comparator;
  readonly unit: string;
  readonly dueDate: string;
}

/** A target's number, how it is compared, and its unit of measure. */
export type TargetValue = Omit<Terms, 'dueDate'>;

export type CompletionStatus = 'open' | 'claimed' | 'verified';

export type AckState = 'pending' | 'acknowledged' | 'reopened' | 'declined';

export interface TargetView {
  readonly targetId: string;
  readonly metric: string;
  readonly kind: TargetKind;
  readonly measure: MeasureKind;
  readonly sourceText: string;
  readonly baseline?: { readonly value: number; readonly date?: string };
  readonly original: Terms;
  readonly current: Terms;
  readonly completion: CompletionStatus;
  /** How many times the due date was moved (approved extensions and revisions of the date). */
  readonly deadlineMoves: number;
  readonly registeredAt: string;
}

export interface AssignmentView {
  readonly unit: string;
  readonly role: AssignmentRole;
  /** Absent for a task-level assignment. */
  readonly targetId?: string;
  readonly viaGroup?: string;
  readonly isGroup?: boolean;
  readonly assignedAt: string;
  readonly ack: AckState;
  /** The terms version the unit last acknowledged. */
  readonly ackVersion?: number;
  readonly answeredAt?: string;
  /** Since when an answer has been owed: the assignment, or the change that reopened it. */
  readonly owedSince?: string;
}

export interface PendingProposal {
  readonly revisionId: string;
  readonly proposedBy: string;
  readonly proposedByUnit?: string;
}

export interface PendingExtension {
  readonly extensionId: string;
  readonly unit: string;
  readonly requestedBy: string;
  readonly reason: string;
}

export interface TaskView {
  readonly planId: string;
  readonly taskId: string;
  readonly no: number;
  readonly sectionNo: string;
  readonly sectionTitle: string;
  readonly title: string;
  /** The task's due date now in force (an approved task-level extension moves it). */
  readonly dueDate: string;
  readonly originalDueDate: string;
  /** Task-level completion: what closes a task without targets (a task with targets: its targets). */
  readonly completion: CompletionStatus;
  /** How many times the task's own due date was moved. */
  readonly deadlineMoves: number;
  readonly registeredAt: string;
  /** The command that registered the task: assignments made by it are the plan as issued. */
  readonly registeredBy?: string;
  readonly targets: readonly TargetView[];
  readonly assignments: readonly AssignmentView[];
  readonly proposals: readonly PendingProposal[];
  readonly extensions: readonly PendingExtension[];
  /** Its plan was withdrawn: it owes nothing any more. */
  readonly withdrawn?: true;
}

/** Where an event sits: the (monotonic) recording instant and who did it. */
export interface EventContext {
  readonly at: string;
  readonly actor?: Actor;
  readonly commandId?: string;
}

export interface OwnerLists {
  readonly leads: readonly string[];
  readonly supporting: readonly string[];
}

/** True when the assignment is owed for the target (made on its task, or on the target itself). */
export const covers = (a: AssignmentView, targetId: string | undefined): boolean =>
  a.targetId === undefined || a.targetId === targetId;

export function ownersOf(view: TaskView, targetId: string | undefined): OwnerLists {
  const owners = view.assignments.filter((a) =>
    targetId === undefined ? a.targetId === undefined : covers(a, targetId),
  );
  const units = (role: AssignmentRole) =>
    [...new Set(owners.filter((a) => a.role === role).map((a) => a.unit))].sort();
  return { leads: units('lead'), supporting: units('supporting') };
}

/**
 * Whether every lead owing the scope has acknowledged its current terms. A scope without a named
 * lead (none yet, or only a collective placeholder) has nobody who acknowledged.
 */
export function leadsAcknowledged(view: TaskView, targetId: string | undefined): boolean {
  const leads = view.assignments.filter(
    (a) =>
      a.role === 'lead' &&
      (targetId === undefined ? a.targetId === undefined : covers(a, targetId)),
  );
  return leads.length > 0 && leads.every((a) => a.ack === 'acknowledged' && !a.isGroup);
}

/**
 * The terms an assignment binds its unit to (as the domain defines them): the task scope covers the
 * task's own owners and every target; a target scope covers that target and everyone owing it.
 * Changing any of this after an answer reopens the answer.
 */
function termsOfScope(view: TaskView, targetId: string | undefined): string {
  const targets =
    targetId === undefined ? view.targets : view.targets.filter((t) => t.targetId === targetId);
  return JSON.stringify({
    dueDate: targetId === undefined ? view.dueDate : targets[0]?.current.dueDate,
    owners: ownersOf(view, targetId),
    targets: targets.map((t) => [
      t.targetId,
      t.current.value,
      t.current.comparator,
      t.current.unit,
      t.current.dueDate,
    ]),
  });
}

const TERMS_EVENTS: ReadonlySet<TaskEvent['type']> = new Set([
  'TargetRegistered',
  'LeadAssigned',
  'SupportingUnitAssigned',
  'AssignmentRemoved',
  'TargetRevised',
  'DeadlineExtensionApproved',
]);

const sameAssignment = (
  a: AssignmentView,
  unit: string,
  role: AssignmentRole,
  targetId: string | undefined,
) => a.unit === unit && a.role === role && a.targetId === targetId;

function mapTarget(
  view: TaskView,
  targetId: string,
  change: (t: TargetView) => TargetView,
): TaskView {
  return { ...view, targets: view.targets.map((t) => (t.targetId === targetId ? change(t) : t)) };
}

/** Changes a target, or the task itself when `targetId` is absent (a task without targets). */
function mapItem(
  view: TaskView,
  targetId: string | undefined,
  completion: CompletionStatus | undefined,
  dueDate?: string,
): TaskView {
  if (targetId === undefined) {
    const moved = dueDate !== undefined && dueDate !== view.dueDate;
    return {
      ...view,
      ...(completion ? { completion } : {}),
      ...(moved ? { dueDate, deadlineMoves: view.deadlineMoves + 1 } : {}),
    };
  }
  return mapTarget(view, targetId, (t) => {
    const next = dueDate !== undefined ? applyTermsChange(t, { dueDate }) : t;
    return completion ? { ...next, completion } : next;
  });
}

function mapAssignment(
  view: TaskView,
  scope: { unit: string; role: AssignmentRole; targetId?: string },
  change: (a: AssignmentView) => AssignmentView,
): TaskView {
  return {
    ...view,
    assignments: view.assignments.map((a) =>
      sameAssignment(a, scope.unit, scope.role, scope.targetId) ? change(a) : a,
    ),
  };
}

function applyTermsChange(target: TargetView, after: Partial<Terms>): TargetView {
  const current: Terms = { ...target.current, ...definedOnly(after) };
  const moved = current.dueDate !== target.current.dueDate;
  return { ...target, current, deadlineMoves: target.deadlineMoves + (moved ? 1 : 0) };
}

/**
 * Views never hold a key whose value is undefined: JSON drops such keys, and a view read back from
 * its table must be the same object, key order included, as the one folded in memory, so that the
 * stored view does not depend on whether it stayed cached between batches.
 */
function withoutUndefined<T extends object>(value: T): T {
  return definedOnly(value) as T;
}

/** An assignment that is no longer owed: `owedSince` goes (not set to undefined, see above). */
function answered(a: AssignmentView): AssignmentView {
  const { owedSince: _owed, ...rest } = a;
  return rest;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The view after one event of the task stream. Returns undefined until the task is registered. */
export function evolveTaskView(
  view: TaskView | undefined,
  event: TaskEvent,
  ctx: EventContext,
): TaskView | undefined {
  if (event.type === 'TaskRegistered') {
    const d = event.data;
    return {
      planId: d.planId,
      taskId: d.taskId,
      no: d.no,
      sectionNo: d.sectionNo,
      sectionTitle: d.sectionTitle,
      title: d.title,
      dueDate: d.dueDate,
      originalDueDate: d.dueDate,
      completion: 'open',
      deadlineMoves: 0,
      registeredAt: ctx.at,
      ...(ctx.commandId !== undefined ? { registeredBy: ctx.commandId } : {}),
      targets: [],
      assignments: [],
      proposals: [],
      extensions: [],
    };
  }
  if (view === undefined) return undefined;
  const next = evolveRegistered(view, event, ctx);
  return TERMS_EVENTS.has(event.type) ? reopenChangedAnswers(view, next, ctx.at) : next;
}

function evolveRegistered(view: TaskView, event: TaskEvent, ctx: EventContext): TaskView {
  switch (event.type) {
    case 'TaskRegistered':
      return view;
    case 'TargetRegistered': {
      const d = event.data;
      const terms: Terms = {
        value: d.value,
        comparator: d.comparator,
        unit: d.unit,
        dueDate: d.dueDate,
      };
      const target: TargetView = {
        targetId: d.targetId,
        metric: d.metric,
        kind: d.kind,
        measure: d.measure,
        sourceText: d.sourceText,
        ...(d.baseline ? { baseline: d.baseline } : {}),
        original: terms,
        current: terms,
        completion: 'open',
        deadlineMoves: 0,
        registeredAt: ctx.at,
      };
      return {
        ...view,
        targets: [...view.targets.filter((t) => t.targetId !== d.targetId), target],
      };
    }
    case 'LeadAssigned':
    case 'SupportingUnitAssigned': {
      const d = event.data;
      const role: AssignmentRole = event.type === 'LeadAssigned' ? 'lead' : 'supporting';
      const existing = view.assignments.find((a) => sameAssignment(a, d.unit, role, d.targetId));
      if (existing)
        return mapAssignment(view, { ...d, role }, (a) =>
          withoutUndefined({ ...a, viaGroup: d.viaGroup, isGroup: d.isGroup }),
        );
      const assignment: AssignmentView = {
        unit: d.unit,
        role,
        ...(d.targetId !== undefined ? { targetId: d.targetId } : {}),
        ...(d.viaGroup !== undefined ? { viaGroup: d.viaGroup } : {}),
        ...(d.isGroup ? { isGroup: true } : {}),
        assignedAt: ctx.at,
        ack: 'pending',
        owedSince: ctx.at,
      };
      return { ...view, assignments: [...view.assignments, assignment] };
    }
    case 'AssignmentRemoved': {
      const d = event.data;
      return {
        ...view,
        assignments: view.assignments.filter((a) => !sameAssignment(a, d.unit, d.role, d.targetId)),
      };
    }
    case 'AssignmentAcknowledged':
      return mapAssignment(view, event.data, (a) => ({
        ...answered(a),
        ack: 'acknowledged',
        ackVersion: event.data.terms.version,
        answeredAt: ctx.at,
      }));
    case 'AssignmentDeclined':
      return mapAssignment(view, event.data, (a) => ({
        ...answered(a),
        ack: 'declined',
        answeredAt: ctx.at,
      }));
    case 'MilestoneReported':
    case 'ReportCorrected':
    case 'TaskProgressReported':
      // Reports are the bulk of the log: each read model keeps them in a table of its own.
      return view;
    case 'TargetRevisionProposed': {
      const d = event.data;
      const proposal: PendingProposal = {
        revisionId: d.revisionId,
        proposedBy: d.proposedBy,
        ...(d.proposedByUnit ? { proposedByUnit: d.proposedByUnit } : {}),
      };
      return { ...view, proposals: [...view.proposals, proposal] };
    }
    case 'TargetRevisionRejected':
      return {
        ...view,
        proposals: view.proposals.filter((p) => p.revisionId !== event.data.revisionId),
      };
    case 'TargetRevised': {
      const d = event.data;
      const revised = mapTarget(view, d.targetId, (t) => applyTermsChange(t, d.after));
      return { ...revised, proposals: view.proposals.filter((p) => p.revisionId !== d.revisionId) };
    }
    case 'DeadlineExtensionRequested': {
      const d = event.data;
      return {
        ...view,
        extensions: [
          ...view.extensions,
          {
            extensionId: d.extensionId,
            unit: d.unit,
            requestedBy: d.requestedBy,
            reason: d.reason,
          },
        ],
      };
    }
    case 'DeadlineExtensionApproved': {
      const d = event.data;
      const extended = mapItem(view, d.targetId, undefined, d.newDueDate);
      return {
        ...extended,
        extensions: view.extensions.filter((e) => e.extensionId !== d.extensionId),
      };
    }
    case 'DeadlineExtensionRejected':
      return {
        ...view,
        extensions: view.extensions.filter((e) => e.extensionId !== event.data.extensionId),
      };
    case 'CompletionClaimed':
      return mapItem(view, event.data.targetId, 'claimed');
    case 'CompletionVerified':
      return mapItem(view, event.data.targetId, 'verified');
    case 'CompletionSentBack':
    case 'TargetReopened':
      return mapItem(view, event.data.targetId, 'open');
    case 'TaskWithdrawn':
      return { ...view, withdrawn: true };
    default:
      return assertNever(event);
  }
}

/** An answer given to terms that have since changed is owed again. */
function reopenChangedAnswers(before: TaskView, after: TaskView, at: string): TaskView {
  const changed = new Map<string | undefined, boolean>();
  const termsChanged = (targetId: string | undefined) => {
    if (!changed.has(targetId))
      changed.set(targetId, termsOfScope(before, targetId) !== termsOfScope(after, targetId));
    return changed.get(targetId) === true;
  };
  let reopened = false;
  const assignments = after.assignments.map((a) => {
    if ((a.ack !== 'acknowledged' && a.ack !== 'declined') || !termsChanged(a.targetId)) return a;
    reopened = true;
    return { ...a, ack: 'reopened' as const, owedSince: at };
  });
  return reopened ? { ...after, assignments } : after;
}

function assertNever(event: never): never {
  throw new Error(`Unhandled task event ${JSON.stringify(event)}`);
}
