import type { ItemRef } from '@duty-ledger/domain';

/**
 * Extensions and completion are served for targets (`targets/:targetId/…`) and for tasks without
 * targets (`tasks/:taskId/…`) by the same controller method; the route taken names the item.
 */
export const itemRoutes = (rest: string): string[] => [
  `targets/:targetId/${rest}`,
  `tasks/:taskId/${rest}`,
];

/** The path parameters of an item route. */
export interface ItemParams {
  readonly targetId?: string;
  readonly taskId?: string;
}

export const itemRefOf = (params: ItemParams): ItemRef =>
  params.targetId !== undefined ? { targetId: params.targetId } : { taskId: params.taskId ?? '' };
