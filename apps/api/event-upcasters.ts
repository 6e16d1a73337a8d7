import { DOMAIN_UPCAST_STEPS } from '@duty-ledger/domain';
import { UpcasterRegistry, type JsonObject } from '@duty-ledger/event-store';

/**
 * The registry every store of the service opens with, so the decider, the projections and the
 * CLI's read side all see the current schema version of events stored at an older one.
 */
export function eventUpcasters(): UpcasterRegistry {
  const registry = new UpcasterRegistry();
  for (const { type, fromVersion, upcast } of DOMAIN_UPCAST_STEPS) {
    registry.register(type, fromVersion, (data) => upcast(data) as JsonObject);
  }
  return registry;
}
