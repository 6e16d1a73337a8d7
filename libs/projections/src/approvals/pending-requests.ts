import type { TaskView } from '../shared/task-view';

/** What can wait for a decision. */
export const APPROVAL_KINDS = ['revision', 'extension', 'completion', 'decline'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export interface PendingRequest {
  readonly key: string;
  readonly kind: ApprovalKind;
  readonly targetId?: string;
  readonly unit?: string;
}

/**
 * What waits for a decision in a task as it stands: its open proposals and extension requests,
 * its claimed targets, and its declined assignments (until a supervisor removes or reassigns them).
 */
export function pendingRequests(view: TaskView | undefined): Map<string, PendingRequest> {
  const pending = new Map<string, PendingRequest>();
  if (!view || view.withdrawn) return pending;
  for (const p of view.proposals)
    pending.set(`revision:${p.revisionId}`, {
      key: `revision:${p.revisionId}`,
      kind: 'revision',
      ...(p.proposedByUnit ? { unit: p.proposedByUnit } : {}),
    });
  for (const e of view.extensions)
    pending.set(`extension:${e.extensionId}`, {
      key: `extension:${e.extensionId}`,
      kind: 'extension',
      unit: e.unit,
    });
  for (const t of view.targets)
    if (t.completion === 'claimed')
      pending.set(`completion:${t.targetId}`, {
        key: `completion:${t.targetId}`,
        kind: 'completion',
        targetId: t.targetId,
      });
  for (const a of view.assignments)
    if (a.ack === 'declined') {
      const key = `decline:${a.unit}:${a.role}:${a.targetId ?? ''}`;
      pending.set(key, {
        key,
        kind: 'decline',
        unit: a.unit,
        ...(a.targetId ? { targetId: a.targetId } : {}),
      });
    }
  return pending;
}
