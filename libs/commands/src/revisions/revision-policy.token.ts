/** The revision policy the task decider applies to revisions (configuration; see RevisionPolicy). */
export const REVISION_POLICY = Symbol('REVISION_POLICY');
