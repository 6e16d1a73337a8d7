import type { RecordedEvent } from '@duty-ledger/event-store';
import type { EventMetadata, PlanEvent, TaskEvent } from '@duty-ledger/domain';
import { toInstant } from './time';

export type DomainEvent = PlanEvent | TaskEvent;

const KNOWN_TYPES: ReadonlySet<string> = new Set<DomainEvent['type']>([
  'PlanRegistered',
  'PlanWithdrawn',
  'TaskRegistered',
  'TargetRegistered',
  'LeadAssigned',
  'SupportingUnitAssigned',
  'AssignmentRemoved',
  'AssignmentAcknowledged',
  'AssignmentDeclined',
  'MilestoneReported',
  'TargetRevisionProposed',
  'TargetRevisionRejected',
  'TargetRevised',
  'DeadlineExtensionRequested',
  'DeadlineExtensionApproved',
  'DeadlineExtensionRejected',
  'CompletionClaimed',
  'CompletionVerified',
  'CompletionSentBack',
  'TargetReopened',
  'TaskWithdrawn',
]);

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
