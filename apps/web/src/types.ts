// Shapes of the API answers the pages read (see the API's /docs for the full reference).

export type Role = 'admin' | 'supervisor' | 'lead' | 'viewer';

export interface Me {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly unit?: string;
}

export interface User extends Me {
  readonly enabled: boolean;
}

export interface Page<T> {
  readonly asOf?: string;
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly nextOffset: number | null;
  readonly items: readonly T[];
}

export interface TargetValue {
  readonly value: number;
  readonly comparator: string;
  readonly unit?: string;
}

export interface Status {
  readonly light: string;
  readonly progress?: number;
  readonly expectedProgress?: number;
}

export interface Obligation {
  readonly unit: string;
  readonly role: 'lead' | 'supporting';
  readonly scope: 'task' | 'target';
  readonly planId: string;
  readonly planTitle?: string;
  readonly sectionNo: string;
  readonly taskId: string;
  readonly taskNo: number;
  readonly taskTitle: string;
  readonly targetId?: string;
  readonly metric?: string;
  readonly dueDate: string;
  readonly originalDueDate: string;
  readonly target?: TargetValue;
  readonly originalTarget?: TargetValue;
  readonly latestReport?: { readonly value: number; readonly asOf: string };
  readonly acknowledgement: { readonly state: string; readonly reason?: string };
  readonly completion: string;
  readonly status: Status;
}

export interface Terms extends Partial<TargetValue> {
  readonly dueDate?: string;
}

export interface Actor {
  readonly id: string;
  readonly name?: string;
  readonly role?: string;
  readonly unit?: string;
}

export interface TargetDetails {
  readonly asOf: string;
  readonly planId: string;
  readonly planTitle?: string;
  readonly taskId: string;
  readonly taskNo: number;
  readonly taskTitle: string;
  readonly targetId: string;
  readonly metric: string;
  readonly sourceText?: string;
  readonly original: Terms;
  readonly current: Terms;
  readonly completion: string;
  readonly registeredAt: string;
  readonly owners: readonly { unit: string; role: string; acknowledgement: string }[];
  readonly latestReport?: {
    readonly value: number;
    readonly asOf: string;
    readonly note?: string;
    readonly evidence: readonly string[];
  };
  readonly status: Status;
}

export interface FieldChange {
  readonly field: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface HistoryEntry {
  readonly type: string;
  readonly actor?: Actor;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly position: string;
  readonly reason?: string;
  readonly reference?: string;
  readonly approvedBy?: Actor;
  readonly evidence?: readonly string[];
  readonly changes: readonly FieldChange[];
}

export interface Approval {
  readonly kind: 'revision' | 'extension' | 'completion' | 'decline';
  readonly planId: string;
  readonly taskId: string;
  readonly taskNo: number;
  readonly taskTitle: string;
  readonly targetId?: string;
  readonly metric?: string;
  readonly requestId: string;
  readonly unit?: string;
  readonly requestedBy: { readonly id: string; readonly name?: string };
  readonly requestedAt: string;
  readonly reason: string;
  readonly proposed?: Terms;
  readonly current?: Terms;
  readonly requestedDueDate?: string;
}

export interface TargetChange {
  readonly kind: string;
  readonly planId: string;
  readonly taskNo: number;
  readonly taskTitle: string;
  readonly targetId?: string;
  readonly metric?: string;
  readonly original: unknown;
  readonly previous: unknown;
  readonly next: unknown;
  readonly proposedBy?: { readonly id: string; readonly unit?: string };
  readonly approvedBy?: { readonly id: string };
  readonly actor?: Actor;
  readonly reason?: string;
  readonly reference?: string;
  readonly occurredAt: string;
  readonly position: string;
}

export interface StatusCounts {
  readonly total: number;
  readonly byLight: Readonly<Record<string, number>>;
  readonly targets: number;
  readonly met: number;
  readonly shareMet: number | null;
  readonly overdue: number;
}

export interface DashboardSummary {
  readonly planId: string;
  readonly asOf: string;
  readonly lights: readonly string[];
  readonly plan: StatusCounts;
  readonly sections: readonly (StatusCounts & { sectionNo: string; sectionTitle: string })[];
  readonly units: readonly (StatusCounts & { unit: string })[];
}

export interface PlanSummary {
  readonly planId: string;
  readonly title: string;
  readonly year?: number;
}
