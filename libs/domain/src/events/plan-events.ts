/**
 * Events of the plan stream (`plan-<planId>`): the register of a plan and its structure.
 * Persisted type names are explicit strings and never change; a change of shape is a new
 * schema version with an upcaster.
 */
export interface PlanRegistered {
  readonly type: 'PlanRegistered';
  readonly schemaVersion: 1;
  readonly data: {
    readonly planId: string;
    readonly title: string;
    readonly year: number;
    /** YYYY-MM-DD: the default due date of every task and target. */
    readonly dueDate: string;
    readonly sections: readonly { readonly no: string; readonly title: string }[];
    readonly tasks: readonly {
      readonly taskId: string;
      readonly no: number;
      readonly title: string;
      readonly sectionNo: string;
    }[];
    /** sha256 of the source text, when imported from text. */
    readonly sourceSha256?: string;
  };
}

/**
 * The plan was withdrawn (撤销): what its tasks owe ends; its history stays. Each task stream gets
 * a TaskWithdrawn in the same decision.
 */
export interface PlanWithdrawn {
  readonly type: 'PlanWithdrawn';
  readonly schemaVersion: 1;
  readonly data: {
    readonly planId: string;
    readonly reason: string;
    readonly withdrawnBy: string;
  };
}

export type PlanEvent = PlanRegistered | PlanWithdrawn;
