/**
 * What a lifecycle command (extension, completion) is addressed to: a target by its id, or a task
 * without targets by its id. Exactly one of the two is named.
 */
export type ItemRef =
  | { readonly targetId: string; readonly taskId?: undefined }
  | { readonly taskId: string; readonly targetId?: undefined };
