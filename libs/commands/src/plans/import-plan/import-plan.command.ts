import type { ImportPlan, PlanEvent, TaskEvent } from '@duty-ledger/domain';
import type { JsonObject } from '@duty-ledger/event-store';

/** 立项 on the bus: the domain's ImportPlan and the metadata stamped on every event it appends. */
export class ImportPlanCommand {
  constructor(
    readonly command: ImportPlan,
    readonly eventMetadata: JsonObject,
  ) {}
}

export interface ImportPlanResult {
  readonly planId: string;
  readonly position: string;
  readonly streams: readonly {
    readonly streamId: string;
    readonly revision: number;
    readonly events: readonly (PlanEvent | TaskEvent)[];
  }[];
}
