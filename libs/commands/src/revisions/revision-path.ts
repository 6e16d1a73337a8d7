/** The path of a route acting on one revision of a target: targets/:targetId/revisions/:revisionId/… */
export interface RevisionPath {
  readonly targetId: string;
  readonly revisionId: string;
}
