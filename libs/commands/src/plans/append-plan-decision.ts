import { ConflictException } from '@nestjs/common';
import {
  formatPosition,
  WrongExpectedVersionError,
  type EventStore,
  type ExpectedRevision,
  type JsonObject,
} from '@duty-ledger/event-store';
import type { PlanEvent, StreamEvents, TaskEvent } from '@duty-ledger/domain';
import { toNewEvents } from '../shared/execute-batch';

export interface PlanDecisionResult {
  readonly planId: string;
  readonly position: string;
  readonly streams: readonly {
    readonly streamId: string;
    readonly revision: number;
    readonly events: readonly (PlanEvent | TaskEvent)[];
  }[];
}

export interface AppendOptions {
  readonly commandId: string;
  readonly metadata: JsonObject;
  readonly recordedAt: () => string;
  /** What each stream must be at: the plan's as it was decided on, the tasks' as the command needs. */
  readonly expected: (streamId: string) => ExpectedRevision;
}

/**
 * A plan decision spans many streams. Task streams are written first and the plan stream last, so
 * what the plan stream says (registered, withdrawn) is complete on every task once it can be read.
 * Event ids derive from the command id: a retry after a partial failure rewrites nothing.
 */
export async function appendPlanDecision(
  store: EventStore,
  planId: string,
  planStream: string,
  decision: readonly StreamEvents[],
  options: AppendOptions,
): Promise<PlanDecisionResult> {
  const ordered = [
    ...decision.filter((s) => s.streamId !== planStream),
    ...decision.filter((s) => s.streamId === planStream),
  ];
  const streams: PlanDecisionResult['streams'][number][] = [];
  let position = '';
  let offset = 0;
  for (const { streamId, events } of ordered) {
    try {
      const result = await store.append(streamId, toNewEvents(events, options, offset), {
        expectedRevision: options.expected(streamId),
      });
      streams.push({ streamId, revision: result.nextExpectedRevision, events });
      position = formatPosition(result.position);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        throw new ConflictException(
          streamId === planStream
            ? `plan ${planId} changed meanwhile; try again`
            : `stream ${streamId} already holds other events: the plan id is taken`,
        );
      throw error;
    }
    offset += events.length;
  }
  return { planId, position, streams };
}
