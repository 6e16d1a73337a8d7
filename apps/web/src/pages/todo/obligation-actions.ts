import { enc } from '../../api';
import type { Obligation } from '../../types';

/** The API path an obligation's acts go to: the target when it has one, else its task. */
export function scopePath(o: Pick<Obligation, 'taskId' | 'targetId'>): string {
  return o.targetId ? `/targets/${enc(o.targetId)}` : `/tasks/${enc(o.taskId)}`;
}

/** The assignment the unit answers (签收 / 退回): at the scope it was assigned on. */
export function assignmentPath(o: Obligation): string {
  const base =
    o.scope === 'target' && o.targetId ? `/targets/${enc(o.targetId)}` : `/tasks/${enc(o.taskId)}`;
  return `${base}/assignments/${enc(o.unit)}`;
}

export type ActionKind = 'decline' | 'report' | 'revise' | 'extend' | 'complete';

/** Where each form of 我的待办 posts, and the body it sends from the form's values. */
export function actionRequest(
  kind: ActionKind,
  o: Obligation,
  v: Record<string, unknown>,
): { path: string; body: unknown } {
  const links = (text: unknown) =>
    String(text ?? '')
      .split(/\s+/)
      .filter(Boolean);
  switch (kind) {
    case 'decline':
      return { path: `${assignmentPath(o)}/decline`, body: { reason: v.reason } };
    case 'report':
      return {
        path: `${scopePath(o)}/milestones`,
        body: {
          value: v.value,
          asOf: v.asOf,
          note: v.note || undefined,
          evidence: links(v.evidence),
        },
      };
    case 'revise':
      return {
        path: `${scopePath(o)}/revisions`,
        body: {
          value: v.value ?? undefined,
          dueDate: v.dueDate || undefined,
          reason: v.reason,
          reference: v.reference || undefined,
        },
      };
    case 'extend':
      return {
        path: `${scopePath(o)}/extensions`,
        body: { requestedDueDate: v.requestedDueDate, reason: v.reason },
      };
    case 'complete':
      return {
        path: `${scopePath(o)}/completion`,
        body: { evidence: links(v.evidence), note: v.note || undefined },
      };
  }
}
