/**
 * Paging of obligation listings, the same for every endpoint that lists them: a demanding client
 * pages through a unit's hundreds of items with one set of rules. 50 fits a screen; 1,000 (about
 * 1 MB of JSON) is the most one answer may carry, so a single request can neither hold the server
 * for long nor be surprised by an unbounded body.
 */
export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 1000;

export interface PageRequest {
  /** Default 50, at most 1000. */
  readonly limit?: number;
  readonly offset?: number;
}

export function pageBounds(request: PageRequest): { limit: number; offset: number } {
  return {
    limit: Math.min(Math.max(request.limit ?? DEFAULT_PAGE_LIMIT, 1), MAX_PAGE_LIMIT),
    offset: Math.max(request.offset ?? 0, 0),
  };
}
