import type { Command } from '../../shared/command';
import type { ItemRef } from './item-ref';

/** A lead of the lead unit of the target, or of the task without targets (办结). */
export type ClaimCompletion = Command<
  'ClaimCompletion',
  ItemRef & { readonly evidence: readonly string[]; readonly note?: string }
>;

/** Supervisor (审核 → 销号). */
export type VerifyCompletion = Command<'VerifyCompletion', ItemRef & { readonly note?: string }>;

/** Supervisor (退办). */
export type SendBackCompletion = Command<
  'SendBackCompletion',
  ItemRef & { readonly reason: string }
>;

/** Supervisor: a verified target or task turns out not to be done. */
export type ReopenTarget = Command<'ReopenTarget', ItemRef & { readonly reason: string }>;
