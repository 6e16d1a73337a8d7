/** The path of a route acting on one extension request: targets/:targetId/extensions/:extensionId/… */
export interface ExtensionPath {
  readonly targetId: string;
  readonly extensionId: string;
}
