/**
 * The lists of the attention answer, named as its keys, so that a client asking for one of them
 * (`?list=`) uses the name it reads the list under.
 */
export const ATTENTION_LISTS = [
  'unacknowledged',
  'noRecentReport',
  'deadlineMovedRepeatedly',
  'loweredLate',
  'declined',
  'awaitingDecision',
] as const;

export type AttentionListName = (typeof ATTENTION_LISTS)[number];
