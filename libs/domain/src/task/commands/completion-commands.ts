import type { Command } from '../../shared/command';

/** A lead of the target's lead unit (办结). */
export type ClaimCompletion = Command<
  'ClaimCompletion',
  { readonly targetId: string; readonly evidence: readonly string[]; readonly note?: string }
>;

/** Supervisor (审核 → 销号). */
export type VerifyCompletion = Command<
  'VerifyCompletion',
  { readonly targetId: string; readonly note?: string }
>;

/** Supervisor (退办). */
export type SendBackCompletion = Command<
  'SendBackCompletion',
  { readonly targetId: string; readonly reason: string }
>;

/** Supervisor: a verified target turns out not to be done. */
export type ReopenTarget = Command<
  'ReopenTarget',
  { readonly targetId: string; readonly reason: string }
>;
