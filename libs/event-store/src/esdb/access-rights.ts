/** What the adapter was doing when the node refused it. */
export type Operation = 'append' | 'read-stream' | 'read-all' | 'subscribe-all';

export interface AccessContext {
  readonly operation?: Operation;
  readonly streamId?: string;
  readonly user?: string;
}

/**
 * The rights the service's user needs on a secured node, one per operation. EventStoreDB's default
 * ACLs let every authenticated user read and write non-system streams, but keep $all (a system
 * stream) to $admins; projections and live updates read $all.
 */
const NEEDED: Record<Operation, (streamId: string) => string> = {
  append: (stream) =>
    `write ($w) on stream '${stream}', which every authenticated user has unless $userStreamAcl in $settings narrows it`,
  'read-stream': (stream) =>
    `read ($r) on stream '${stream}', which every authenticated user has unless $userStreamAcl in $settings narrows it`,
  'read-all': () =>
    "read ($r) on $all: be in $admins, or be granted it in the $acl of $all's metadata ($$$all) or in $systemStreamAcl",
  'subscribe-all': () =>
    "read ($r) on $all: be in $admins, or be granted it in the $acl of $all's metadata ($$$all) or in $systemStreamAcl",
};

/** Says who was refused, what was missing and where the credentials come from. */
export function accessDeniedMessage(context: AccessContext, unauthenticated: boolean): string {
  const where = 'EVENTSTORE_CONNECTION_STRING (esdb://user:password@host:2113?tls=true)';
  if (unauthenticated) {
    return context.user
      ? `EventStoreDB did not accept the password of user '${context.user}': correct it in ${where}`
      : `EventStoreDB requires a login: put a user and password in ${where}`;
  }
  const who = context.user
    ? `user '${context.user}'`
    : 'an anonymous caller (the connection string names no user)';
  const needed = context.operation
    ? `it needs ${NEEDED[context.operation](context.streamId ?? '')}`
    : 'it lacks a right the service needs (see the README)';
  return `EventStoreDB denied access to ${who}: ${needed}. Credentials come from ${where}`;
}
