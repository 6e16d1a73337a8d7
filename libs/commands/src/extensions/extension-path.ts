import type { ItemParams } from '../shared/item-ref';

/** The path of a route acting on one extension request: (targets/:targetId | tasks/:taskId)/extensions/:extensionId/… */
export interface ExtensionPath extends ItemParams {
  readonly extensionId: string;
}
