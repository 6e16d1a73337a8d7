/**
 * SYNTHETIC year of activity for many plans, decided by the real domain: every event is what
 * `decideImportPlan` / `taskDecider.decide` return for a command, folded with `evolveTask`, and
 * appended through the EventStore port with the metadata the HTTP commands stamp (actor,
 * commandId, correlationId, causationId, occurredAt, recordedAt) and event ids derived from the
 * command id as libs/commands does. Time comes from a deterministic simulated clock that walks
 * through 2024 (working hours, Asia/Shanghai), strictly increasing along the log.
 *
 * The activity is a set of intents (import, acknowledge, report, propose/decide revisions,
 * request/decide extensions, claim/verify completions …) scheduled per target from a seeded
 * PRNG and run in global time order. An intent whose command the domain refuses (it happens:
 * e.g. re-acknowledging terms a unit already acknowledged) writes nothing and is counted.
 */
import {
  DomainError,
  decideImportPlan,
  evolveTask,
  expandUnits,
  initialTaskState,
  taskDecider,
  taskIdOf,
  targetIdOf,
  taskStreamId,
  type Actor,
  type ImportPlan,
  type PlanEvent,
  type TaskCommand,
  type TaskEvent,
  type TaskState,
} from '@duty-ledger/domain';
import {
  deterministicUuid,
  type EventStore,
  type JsonObject,
  type NewEvent,
} from '@duty-ledger/event-store';
import { Prng } from '../lib/prng';
import { makeDistricts, makePlan, type SeedShape, type SyntheticPlan } from './synthetic-plans';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const YEAR_START = Date.UTC(2024, 0, 1); // a Monday
/** 2024-12-31 18:00 in Asia/Shanghai. */
export const YEAR_END = Date.UTC(2024, 11, 31, 10, 0, 0);
const LAST_DAY = 365; // 2024 is a leap year: days 0..365

/** A working-hours instant (09:00–18:00 China time) on day `day` of 2024, weekends moved to Monday. */
function workInstant(day: number, prng: Prng): number {
  let d = Math.min(LAST_DAY, Math.max(0, day));
  const dow = new Date(YEAR_START + d * DAY).getUTCDay();
  if (dow === 6) d += 2;
  else if (dow === 0) d += 1;
  if (d > LAST_DAY) d = LAST_DAY; // 2024-12-31 is a Tuesday
  return YEAR_START + d * DAY + 1 * HOUR + Math.floor(prng.next() * 9 * HOUR);
}

const isoDate = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

type Kind =
  | 'import'
  | 'ack'
  | 'decline'
  | 'milestone'
  | 'propose'
  | 'decideRevision'
  | 'requestExtension'
  | 'decideExtension'
  | 'claim'
  | 'decideCompletion'
  | 'reopen';

class Intent {
  constructor(
    readonly t: number,
    readonly seq: number,
    readonly plan: number,
    readonly kind: Kind,
    readonly task: number,
    readonly target: number,
    /** The unit acting (acks, reports), or '' for the task's first lead. */
    readonly unit: string,
    /** Milestone k of n; for decisions 1 = approve/verify, 0 = reject/send back. */
    readonly k: number,
    readonly n: number,
  ) {}
}

/** Min-heap of intents by (t, seq): the simulated clock's agenda. */
class Agenda {
  private readonly items: Intent[] = [];
  get size(): number {
    return this.items.length;
  }
  private less(a: Intent, b: Intent): boolean {
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }
  push(item: Intent): void {
    const h = this.items;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  pop(): Intent | undefined {
    const h = this.items;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

interface Owner {
  readonly unit: string;
  readonly role: 'lead' | 'supporting';
}

interface TaskRun {
  readonly taskId: string;
  readonly streamId: string;
  state: TaskState;
  revision: number;
  /** Owners that can act (collective placeholders cannot). */
  readonly owners: readonly Owner[];
  readonly leads: readonly string[];
  readonly targetIds: readonly string[];
  readonly pendingRevision: Map<number, string>;
  readonly pendingExtension: Map<number, { id: string; requested: string }>;
}

interface PlanRun {
  readonly plan: SyntheticPlan;
  readonly prng: Prng;
  readonly tasks: TaskRun[];
  imported: boolean;
}

export interface GenerateOptions {
  readonly events: number;
  readonly seed: number;
  readonly seedShape: SeedShape;
  /** Plans in the run; default events / 500 (2,000 for 1 M events). */
  readonly plans?: number;
  readonly plansPerDistrict?: number;
  readonly onProgress?: (progress: { written: number; day: string; elapsedMs: number }) => void;
}

export interface GenerateOutcome {
  readonly eventsWritten: number;
  readonly appends: number;
  readonly plans: number;
  readonly plansImported: number;
  readonly districts: number;
  readonly units: number;
  readonly tasks: number;
  readonly targets: number;
  readonly commandsDecided: number;
  readonly commandsRefused: Record<string, number>;
  /** The domain's message for the first refusal of each kind. */
  readonly refusalExamples: Record<string, string>;
  readonly eventsByType: Record<string, number>;
  readonly firstRecordedAt: string;
  readonly lastRecordedAt: string;
  readonly intentsLeftAtStop: number;
  readonly samples: {
    readonly planId: string;
    readonly unit: string;
    readonly busiestUnits: readonly string[];
    readonly targetId: string;
    readonly revisedTargetId?: string;
    readonly asOf: string;
  };
}

/**
 * Runs the year into `store` until `options.events` events are written (or the agenda runs out).
 * `setNow` is called before each append with the recording instant; the store's clock must
 * return it, so the stored recordedAt equals the metadata's.
 */
export async function generateActivity(
  store: EventStore,
  setNow: (date: Date) => void,
  options: GenerateOptions,
): Promise<GenerateOutcome> {
  const target = options.events;
  const planCount = options.plans ?? Math.max(1, Math.round(target / 500));
  const perDistrict = options.plansPerDistrict ?? 10;
  const root = new Prng(options.seed);
  const districts = makeDistricts(
    Math.ceil(planCount / perDistrict),
    options.seedShape,
    root.fork(1),
  );
  const agenda = new Agenda();
  const runs: PlanRun[] = [];
  let seq = 0;
  const schedule = (
    t: number,
    plan: number,
    kind: Kind,
    task = -1,
    targetNo = -1,
    unit = '',
    k = 0,
    n = 0,
  ) => {
    const intent = new Intent(t, seq++, plan, kind, task, targetNo, unit, k, n);
    agenda.push(intent);
    return intent;
  };

  // Per-plan budget: a little over target / plans, so the year is cut in late December.
  const budget = Math.ceil((target * 1.015) / planCount);
  let targetsTotal = 0;
  let tasksTotal = 0;
  for (let p = 0; p < planCount; p++) {
    const prng = root.fork(1000 + p);
    const plan = makePlan(p, districts[Math.floor(p / perDistrict)], options.seedShape, prng);
    const tasks: TaskRun[] = [];
    for (const section of plan.draft.sections) {
      for (const task of section.tasks) {
        const taskId = taskIdOf(plan.planId, task.no);
        const owners = expandUnits(task.leads, task.supporting, plan.district.registry)
          .filter((u) => !u.isGroup)
          .map((u) => ({ unit: u.unit, role: u.role }));
        tasks.push({
          taskId,
          streamId: taskStreamId(taskId),
          state: initialTaskState(),
          revision: -1,
          owners,
          leads: owners.filter((o) => o.role === 'lead').map((o) => o.unit),
          targetIds: task.targets.map((_, i) => targetIdOf(taskId, i + 1)),
          pendingRevision: new Map(),
          pendingExtension: new Map(),
        });
      }
    }
    runs.push({ plan, prng, tasks, imported: false });
    tasksTotal += tasks.length;

    const importDay = prng.int(2, 80);
    const importAt = workInstant(importDay, prng);
    schedule(importAt, p, 'import');
    let events =
      1 +
      tasks.reduce((n, t) => n + 1 + t.targetIds.length + t.owners.length, 0) +
      plan.draft.sections.reduce(
        (n, s) =>
          n +
          s.tasks.reduce(
            (m, t) =>
              m +
              expandUnits(t.leads, t.supporting, plan.district.registry).filter((u) => u.isGroup)
                .length,
            0,
          ),
        0,
      );
    const milestoneSlots: {
      task: number;
      target: number;
      from: number;
      to: number;
      unit: () => string;
    }[] = [];
    tasks.forEach((task, ti) => {
      for (const owner of task.owners) {
        if (prng.chance(0.03)) {
          const declined = schedule(
            Math.max(workInstant(importDay + prng.int(1, 10), prng), importAt + HOUR),
            p,
            'decline',
            ti,
            -1,
            owner.unit,
          );
          schedule(
            Math.max(workInstant(importDay + prng.int(13, 25), prng), declined.t + HOUR),
            p,
            'ack',
            ti,
            -1,
            owner.unit,
          );
          events += 2;
        } else {
          schedule(
            Math.max(workInstant(importDay + prng.int(1, 20), prng), importAt + HOUR),
            p,
            'ack',
            ti,
            -1,
            owner.unit,
          );
          events += 1;
        }
      }
      if (task.leads.length === 0) return;
      const reachable = task.owners.length;
      task.targetIds.forEach((_, gi) => {
        const claimDay = prng.chance(0.7) ? prng.int(300, 358) : undefined;
        if (prng.chance(0.2)) {
          const proposed = schedule(workInstant(prng.int(120, 230), prng), p, 'propose', ti, gi);
          const approve = prng.chance(0.75) ? 1 : 0;
          schedule(
            Math.max(
              workInstant(prng.int(2, 10) + Math.floor((proposed.t - YEAR_START) / DAY), prng),
              proposed.t + HOUR,
            ),
            p,
            'decideRevision',
            ti,
            gi,
            '',
            approve,
          );
          events += 2 + approve * 0.6 * reachable;
        }
        if (prng.chance(0.15)) {
          const requested = schedule(
            workInstant(prng.int(250, 320), prng),
            p,
            'requestExtension',
            ti,
            gi,
          );
          const approve = prng.chance(0.7) ? 1 : 0;
          schedule(
            Math.max(
              workInstant(prng.int(2, 10) + Math.floor((requested.t - YEAR_START) / DAY), prng),
              requested.t + HOUR,
            ),
            p,
            'decideExtension',
            ti,
            gi,
            '',
            approve,
          );
          events += 2 + approve * 0.6 * reachable;
        }
        if (claimDay !== undefined) {
          const claimed = schedule(workInstant(claimDay, prng), p, 'claim', ti, gi);
          const decideDay = claimDay + prng.int(1, 7);
          if (decideDay <= LAST_DAY) {
            const verify = prng.chance(0.85) ? 1 : 0;
            const decided = schedule(
              Math.max(workInstant(decideDay, prng), claimed.t + HOUR),
              p,
              'decideCompletion',
              ti,
              gi,
              '',
              verify,
            );
            events += 2 + (1 - verify) * 2;
            if (verify && prng.chance(0.01) && decideDay + 3 <= LAST_DAY) {
              schedule(
                Math.max(workInstant(decideDay + prng.int(3, 10), prng), decided.t + HOUR),
                p,
                'reopen',
                ti,
                gi,
              );
              events += 1;
            }
          } else events += 1;
        }
        const owners = task.owners;
        milestoneSlots.push({
          task: ti,
          target: gi,
          from: importDay + 20,
          to: (claimDay ?? 355) - 1,
          // Mostly a lead reports; sometimes a supporting unit (any owner may).
          unit: () => (prng.chance(0.8) ? prng.pick(task.leads) : prng.pick(owners).unit),
        });
      });
    });
    targetsTotal += tasks.reduce((n, t) => n + t.targetIds.length, 0);
    // Milestones fill the rest of the plan's budget, spread over its targets.
    const milestoneBudget = Math.max(milestoneSlots.length, Math.round(budget - events));
    milestoneSlots.forEach((slot, i) => {
      const n =
        Math.floor(milestoneBudget / milestoneSlots.length) +
        (i < milestoneBudget % milestoneSlots.length ? 1 : 0);
      const span = Math.max(1, slot.to - slot.from);
      for (let k = 0; k < n; k++) {
        const jitter = Math.floor((prng.next() - 0.5) * Math.min(10, span / n));
        const day = Math.round(slot.from + ((k + 0.5) * span) / n) + jitter;
        schedule(workInstant(day, prng), p, 'milestone', slot.task, slot.target, slot.unit(), k, n);
      }
    });
  }

  // ----- run the agenda -----
  const clockPrng = root.fork(2);
  const refused: Record<string, number> = {};
  const byType: Record<string, number> = {};
  let written = 0;
  let appends = 0;
  let decided = 0;
  let lastRecorded = 0;
  let firstRecorded = 0;
  let plansImported = 0;
  const started = Date.now();
  let nextProgress = 50_000;
  const admin: Actor = { id: 'syn-admin', role: 'admin', name: '系统管理员' };
  const unitUse = new Map<string, number>();

  const clockFor = (t: number) => {
    const now = Math.max(t, lastRecorded + 1);
    const recorded = now + clockPrng.int(2, 40);
    lastRecorded = recorded;
    if (firstRecorded === 0) firstRecorded = now;
    return { now: new Date(now).toISOString(), recorded };
  };

  const toNew = (
    events: readonly { type: string; schemaVersion: number; data: object }[],
    commandId: string,
    meta: JsonObject,
    offset: number,
  ): NewEvent[] =>
    events.map((event, index) => ({
      id: deterministicUuid(commandId, String(offset + index)),
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data as JsonObject,
      metadata: meta,
    }));

  const append = async (
    streamId: string,
    events: NewEvent[],
    expected: number | 'no_stream',
    recordedMs: number,
  ) => {
    setNow(new Date(recordedMs));
    const result = await store.append(streamId, events, { expectedRevision: expected });
    appends += 1;
    written += events.length;
    for (const e of events) byType[e.type] = (byType[e.type] ?? 0) + 1;
    return result.nextExpectedRevision;
  };

  const personFor = (run: PlanRun, unit: string) =>
    run.prng.pick(run.plan.district.staffOf.get(unit) ?? [{ id: `syn-${unit}`, name: unit }]);
  const leadActor = (run: PlanRun, unit: string): Actor => {
    const person = personFor(run, unit);
    return { id: person.id, role: 'lead', unit, name: person.name };
  };
  const supervisor = (run: PlanRun): Actor => {
    const person = run.prng.pick(run.plan.district.supervisors);
    return { id: person.id, role: 'supervisor', name: person.name };
  };
  const refusalExamples: Record<string, string> = {};
  const refuse = (why: string, example?: string) => {
    refused[why] = (refused[why] ?? 0) + 1;
    if (example && !(why in refusalExamples)) refusalExamples[why] = example;
  };

  while (written < target) {
    const intent = agenda.pop();
    if (!intent) break;
    const run = runs[intent.plan];
    const { prng } = run;
    if (intent.kind === 'import') {
      const { now, recorded } = clockFor(intent.t);
      const commandId = deterministicUuid('syn-import', run.plan.planId);
      const command: ImportPlan = {
        type: 'ImportPlan',
        data: {
          planId: run.plan.planId,
          draft: run.plan.draft,
          registry: run.plan.district.registry,
        },
        metadata: { actor: admin, now, commandId },
      };
      const streams = decideImportPlan(command, { status: 'none' });
      decided += 1;
      const planStream = streams.filter((s) => s.streamId.startsWith('plan-'));
      const ordered = [...streams.filter((s) => !s.streamId.startsWith('plan-')), ...planStream];
      let offset = 0;
      let stamp = recorded;
      for (const { streamId, events } of ordered) {
        const meta = {
          actor: { ...admin },
          commandId,
          correlationId: commandId,
          causationId: commandId,
          occurredAt: now,
          recordedAt: new Date(stamp).toISOString(),
        };
        await append(streamId, toNew(events, commandId, meta, offset), 'no_stream', stamp);
        offset += events.length;
        const task = run.tasks.find((t) => t.streamId === streamId);
        if (task) {
          for (const event of events as readonly (PlanEvent | TaskEvent)[])
            task.state = evolveTask(task.state, event as TaskEvent);
          task.revision = events.length - 1;
        }
        stamp += 1;
      }
      lastRecorded = stamp;
      run.imported = true;
      plansImported += 1;
      continue;
    }
    if (!run.imported) {
      refuse('plan not imported');
      continue;
    }
    const task = run.tasks[intent.task];
    const targetId = intent.target >= 0 ? task.targetIds[intent.target] : '';
    const commandId = deterministicUuid('syn-command', String(intent.seq), run.plan.planId);
    const { now, recorded } = clockFor(intent.t);
    const firstLead = () => prng.pick(task.leads);
    let command: TaskCommand | undefined;
    switch (intent.kind) {
      case 'ack':
        command = {
          type: 'AcknowledgeAssignment',
          data: { taskId: task.taskId, unit: intent.unit },
          metadata: { actor: leadActor(run, intent.unit), now, commandId },
        };
        break;
      case 'decline':
        command = {
          type: 'DeclineAssignment',
          data: {
            taskId: task.taskId,
            unit: intent.unit,
            reason: prng.pick([
              '职责分工需进一步明确',
              '该事项不属于本单位职能',
              '请先明确牵头单位',
            ]),
          },
          metadata: { actor: leadActor(run, intent.unit), now, commandId },
        };
        break;
      case 'milestone': {
        const target =
          task.state.status === 'registered'
            ? task.state.targets.find((t) => t.targetId === targetId)
            : undefined;
        if (!target) {
          refuse('milestone: no target');
          continue;
        }
        const { value: goal, comparator, unit } = target.current;
        const fraction = Math.min(1.15, ((intent.k + 1) / intent.n) * (0.85 + prng.next() * 0.25));
        let value =
          comparator === 'lte' || comparator === 'lt'
            ? goal * (1 + 0.5 * (1 - fraction))
            : goal * fraction;
        if (unit === '%') value = Math.min(100, value);
        value = Number.isInteger(goal) ? Math.round(value) : Math.round(value * 100) / 100;
        const asOfMs = Math.max(intent.t - prng.int(0, 3) * DAY, YEAR_START);
        command = {
          type: 'ReportMilestone',
          data: {
            targetId,
            milestoneId: deterministicUuid(commandId, 'milestone'),
            value,
            asOf: isoDate(Math.min(asOfMs, Date.parse(now))),
            ...(prng.chance(0.5) ? { note: `截至目前完成${value}${unit}` } : {}),
            evidence: prng.chance(0.3)
              ? [`https://oa.example.gov.cn/files/${prng.int(100000, 999999)}`]
              : [],
          },
          metadata: { actor: leadActor(run, intent.unit), now, commandId },
        };
        break;
      }
      case 'propose': {
        const target =
          task.state.status === 'registered'
            ? task.state.targets.find((t) => t.targetId === targetId)
            : undefined;
        if (!target) continue;
        const revisionId = deterministicUuid(commandId, 'revision');
        const cur = target.current;
        const scaled = Number.isInteger(cur.value)
          ? Math.max(1, Math.round(cur.value * (prng.chance(0.5) ? 0.85 : 1.15)))
          : Math.round(cur.value * 1.1 * 100) / 100;
        const changes = prng.chance(0.15)
          ? { dueDate: prng.pick(['2025-03-31', '2025-06-30']) }
          : { value: scaled === cur.value ? cur.value + 1 : scaled };
        command = {
          type: 'ProposeTargetRevision',
          data: {
            targetId,
            revisionId,
            changes,
            reason: prng.pick(['根据年中评估调整目标', '受项目审批进度影响', '上级部门下达新指标']),
            ...(prng.chance(0.4)
              ? { reference: `${run.plan.district.stem}府办〔2024〕${prng.int(1, 120)}号` }
              : {}),
          },
          metadata: { actor: leadActor(run, firstLead()), now, commandId },
        };
        break;
      }
      case 'decideRevision': {
        const revisionId = task.pendingRevision.get(intent.target);
        if (!revisionId) {
          refuse('decideRevision: none pending');
          continue;
        }
        command =
          intent.k === 1
            ? {
                type: 'ApproveTargetRevision',
                data: { targetId, revisionId },
                metadata: { actor: supervisor(run), now, commandId },
              }
            : {
                type: 'RejectTargetRevision',
                data: { targetId, revisionId, reason: '调整理由不充分' },
                metadata: { actor: supervisor(run), now, commandId },
              };
        break;
      }
      case 'requestExtension': {
        const extensionId = deterministicUuid(commandId, 'extension');
        const requested = prng.pick(['2025-02-28', '2025-03-31', '2025-06-30']);
        command = {
          type: 'RequestDeadlineExtension',
          data: {
            targetId,
            extensionId,
            requestedDueDate: requested,
            reason: prng.pick(['项目招标延期', '受施工周期影响', '资金拨付滞后']),
          },
          metadata: { actor: leadActor(run, firstLead()), now, commandId },
        };
        break;
      }
      case 'decideExtension': {
        const pending = task.pendingExtension.get(intent.target);
        if (!pending) {
          refuse('decideExtension: none pending');
          continue;
        }
        command =
          intent.k === 1
            ? {
                type: 'ApproveDeadlineExtension',
                data: {
                  targetId,
                  extensionId: pending.id,
                  newDueDate: prng.chance(0.8) ? pending.requested : '2025-01-31',
                  ...(prng.chance(0.5) ? { reason: '同意延期' } : {}),
                },
                metadata: { actor: supervisor(run), now, commandId },
              }
            : {
                type: 'RejectDeadlineExtension',
                data: { targetId, extensionId: pending.id, reason: '请按原定节点完成' },
                metadata: { actor: supervisor(run), now, commandId },
              };
        break;
      }
      case 'claim':
        command = {
          type: 'ClaimCompletion',
          data: {
            targetId,
            evidence: [`https://oa.example.gov.cn/files/${prng.int(100000, 999999)}`],
            ...(prng.chance(0.5) ? { note: '已按要求完成' } : {}),
          },
          metadata: { actor: leadActor(run, firstLead()), now, commandId },
        };
        break;
      case 'decideCompletion':
        command =
          intent.k === 1
            ? {
                type: 'VerifyCompletion',
                data: { targetId, ...(prng.chance(0.3) ? { note: '材料齐全,予以销号' } : {}) },
                metadata: { actor: supervisor(run), now, commandId },
              }
            : {
                type: 'SendBackCompletion',
                data: { targetId, reason: '佐证材料不足' },
                metadata: { actor: supervisor(run), now, commandId },
              };
        break;
      case 'reopen':
        command = {
          type: 'ReopenTarget',
          data: { targetId, reason: '复查发现未完成' },
          metadata: { actor: supervisor(run), now, commandId },
        };
        break;
    }
    if (!command) continue;

    let events: TaskEvent[];
    try {
      events = taskDecider.decide(command, task.state);
    } catch (error) {
      if (error instanceof DomainError) {
        refuse(`${command.type}: ${error.code}`, error.message);
        continue;
      }
      throw error;
    }
    decided += 1;
    if (written + events.length > target) events = events.slice(0, target - written);
    if (events.length === 0) break;
    const actor = command.metadata.actor;
    const meta = {
      actor: { ...actor },
      commandId,
      correlationId: commandId,
      causationId: commandId,
      occurredAt: now,
      recordedAt: new Date(recorded).toISOString(),
    };
    task.revision = await append(
      task.streamId,
      toNew(events, commandId, meta, 0),
      task.revision,
      recorded,
    );
    for (const event of events) task.state = evolveTask(task.state, event);
    if (actor.unit) unitUse.set(actor.unit, (unitUse.get(actor.unit) ?? 0) + 1);

    // Follow-ups that depend on the outcome.
    const approved =
      (command.type === 'ApproveTargetRevision' || command.type === 'ApproveDeadlineExtension') &&
      events.some((e) => e.type === 'TargetRevised' || e.type === 'DeadlineExtensionApproved');
    if (command.type === 'ProposeTargetRevision')
      task.pendingRevision.set(intent.target, command.data.revisionId);
    if (command.type === 'RequestDeadlineExtension')
      task.pendingExtension.set(intent.target, {
        id: command.data.extensionId,
        requested: command.data.requestedDueDate,
      });
    if (command.type === 'ApproveTargetRevision' || command.type === 'RejectTargetRevision')
      task.pendingRevision.delete(intent.target);
    if (command.type === 'ApproveDeadlineExtension' || command.type === 'RejectDeadlineExtension')
      task.pendingExtension.delete(intent.target);
    if (approved) {
      // The terms changed: owners sign for the new version (most of them, within two weeks).
      for (const owner of task.owners) {
        if (!prng.chance(0.6)) continue;
        const day = Math.floor((intent.t - YEAR_START) / DAY) + prng.int(1, 15);
        if (day > LAST_DAY) continue;
        schedule(
          Math.max(workInstant(day, prng), intent.t + HOUR),
          intent.plan,
          'ack',
          intent.task,
          -1,
          owner.unit,
        );
      }
    }
    if (command.type === 'SendBackCompletion') {
      const day = Math.floor((intent.t - YEAR_START) / DAY) + prng.int(3, 10);
      if (day + 1 <= LAST_DAY) {
        const reclaim = schedule(
          Math.max(workInstant(day, prng), intent.t + HOUR),
          intent.plan,
          'claim',
          intent.task,
          intent.target,
        );
        schedule(
          Math.max(workInstant(day + prng.int(1, 5), prng), reclaim.t + HOUR),
          intent.plan,
          'decideCompletion',
          intent.task,
          intent.target,
          '',
          1,
        );
      }
    }
    if (written >= nextProgress) {
      options.onProgress?.({ written, day: isoDate(intent.t), elapsedMs: Date.now() - started });
      nextProgress += 50_000;
    }
  }

  // Samples for the query benchmarks: a plan, a busy unit, a target with a revision.
  const first = runs[0];
  const busiest = [...unitUse.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([u]) => u);
  const revised = runs
    .flatMap((r) => r.tasks)
    .flatMap((t) => (t.state.status === 'registered' ? t.state.targets : []))
    .find((g) => g.revisions.some((r) => r.status === 'approved'));
  return {
    eventsWritten: written,
    appends,
    plans: planCount,
    plansImported,
    districts: districts.length,
    units: districts.reduce((n, d) => n + d.registry.units.length, 0),
    tasks: tasksTotal,
    targets: targetsTotal,
    commandsDecided: decided,
    commandsRefused: refused,
    refusalExamples,
    eventsByType: byType,
    firstRecordedAt: new Date(firstRecorded).toISOString(),
    lastRecordedAt: new Date(lastRecorded).toISOString(),
    intentsLeftAtStop: agenda.size,
    samples: {
      planId: first.plan.planId,
      unit: first.tasks[0].leads[0] ?? busiest[0],
      busiestUnits: busiest.slice(0, 5),
      targetId: first.tasks.find((t) => t.targetIds.length > 0)?.targetIds[0] ?? '',
      revisedTargetId: revised?.targetId,
      asOf: '2024-07-01T00:00:00.000Z',
    },
  };
}
