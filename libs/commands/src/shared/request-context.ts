import type { Principal } from '@duty-ledger/auth';

/** What the HTTP edge knows about a request, attached to the Fastify request object. */
export interface CommandRequest {
  readonly principal: Principal;
  readonly headers: Record<string, string | string[] | undefined>;
  /** Set by the idempotency interceptor: a command id derived from the Idempotency-Key. */
  commandId?: string;
}

function header(request: CommandRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function correlationIdOf(request: CommandRequest): string | undefined {
  return header(request, 'x-correlation-id');
}

export function idempotencyKeyOf(request: CommandRequest): string | undefined {
  return header(request, 'idempotency-key');
}

/** The revision named by If-Match (an ETag-style "3" or W/"3" or bare 3); undefined when absent. */
export function ifMatchRevisionOf(request: CommandRequest): number | undefined | 'invalid' {
  const raw = header(request, 'if-match');
  if (raw === undefined || raw.trim() === '' || raw.trim() === '*') return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(raw.trim());
  return m ? Number(m[1]) : 'invalid';
}
