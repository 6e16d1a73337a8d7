import type { ItemRef } from '@duty-ledger/domain';

/**
 * Extensions and completion are served for targets (`/targets/:targetId/…`) and for tasks without
 * targets (`/tasks/:taskId/…`) by one controller; the route taken names the item.
 */
export const ITEM_ROUTES = (resource: string): string[] => [
  `targets/:targetId/${resource}`,
  `tasks/:taskId/${resource}`,
];

export const itemRefOf = (params: { targetId?: string; taskId?: string }): ItemRef =>
  params.targetId !== undefined ? { targetId: params.targetId } : { taskId: params.taskId ?? '' };
