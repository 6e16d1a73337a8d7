import { createHash, randomUUID } from 'node:crypto';

/**
 * A uuid (version 8, name-based) derived from the parts. Event ids derived from a command id make
 * a retried command produce the same ids, so the store's idempotent append writes nothing twice.
 * It lives with the port because every writer of events needs it: the commands and the SYNTHETIC
 * workload generator, which must not load NestJS.
 */
export function deterministicUuid(...parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x80;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const newId = (): string => randomUUID();
