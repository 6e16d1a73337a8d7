import type { RecordedEvent } from '@duty-ledger/event-store';
import type { EventMetadata, PlanEvent, TaskEvent } from '@duty-ledger/domain';
import { toInstant } from './time';

export type DomainEvent = PlanEvent | TaskEvent;

/** Every catalogue type: a type added to the catalogue and not here fails to compile. */
const CATALOGUE: Readonly<Record<DomainEvent['type'], true>> = {
  PlanRegistered: true,
  PlanWithdrawn: true,
  TaskWithdrawn: true,
  TaskRegistered: true,
  TargetRegistered: true,
  LeadAssigned: true,
  SupportingUnitAssigned: true,
  AssignmentRemoved: true,
  AssignmentAcknowledged: true,
  AssignmentDeclined: true,
  MilestoneReported: true,
  ReportCorrected: true,
  TaskProgressReported: true,
  TargetRevisionProposed: true,
  TargetRevisionRejected: true,
  TargetRevised: true,
  DeadlineExtensionRequested: true,
  DeadlineExtensionApproved: true,
  DeadlineExtensionRejected: true,
  CompletionClaimed: true,
  CompletionVerified: true,
  CompletionSentBack: true,
  TargetReopened: true,
};
const KNOWN_TYPES: ReadonlySet<string> = new Set(Object.keys(CATALOGUE));

/** An event of a plan stream rather than a task stream. */
export const isPlanEvent = (event: DomainEvent): event is PlanEvent =>
  event.type === 'PlanRegistered' || event.type === 'PlanWithdrawn';

/**
 * The catalogue event a recorded event carries, or undefined for a type this build does not know
 * (a newer writer): read models skip what they cannot read rather than stop. The store has
 * already upcast `data` to the current schema version.
 */
export function asDomainEvent(recorded: RecordedEvent): DomainEvent | undefined {
  if (!KNOWN_TYPES.has(recorded.type)) return undefined;
  return {
    type: recorded.type,
    schemaVersion: recorded.schemaVersion,
    data: recorded.data,
  } as unknown as DomainEvent;
}

export function metadataOf(recorded: RecordedEvent): Partial<EventMetadata> {
  return recorded.metadata as Partial<EventMetadata>;
}

/** When the act happened (canonical ISO), or `fallback` when the metadata does not say. */
export function occurredAtOf(recorded: RecordedEvent, fallback: string): string {
  const occurredAt = metadataOf(recorded).occurredAt;
  if (typeof occurredAt !== 'string') return fallback;
  const ms = Date.parse(occurredAt);
  return Number.isNaN(ms) ? fallback : toInstant(new Date(ms));
}
