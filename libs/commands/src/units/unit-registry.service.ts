import { Inject, Injectable } from '@nestjs/common';
import {
  registryWith,
  UNIT_REGISTRY_STREAM,
  unitsDecider,
  type AddedUnits,
  type UnitRegistry,
} from '@duty-ledger/domain';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '@duty-ledger/event-store';
import { loadState } from '../shared/load-state';
import { UNIT_REGISTRY } from '../plans/unit-registry.token';

export interface RegisteredUnit {
  readonly name: string;
  /** seed: named by the seed registry (seeds/units.json); added: by an admin, as an event. */
  readonly source: 'seed' | 'added';
  readonly addedBy?: string;
  readonly addedAt?: string;
  readonly reason?: string;
}

/** The unit registry: the seed's units and groups, with the units admins added since. */
@Injectable()
export class UnitRegistryService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(UNIT_REGISTRY) readonly seed: UnitRegistry,
  ) {}

  /** As the stream says now: what plans are imported and assignments checked against. */
  async current(): Promise<UnitRegistry> {
    const { state } = await loadState(this.store, UNIT_REGISTRY_STREAM, unitsDecider);
    return registryWith(this.seed, state as AddedUnits);
  }

  /** Every unit known as of an instant, seed units first, then those added in order. */
  async list(asOf: string): Promise<RegisteredUnit[]> {
    const added: RegisteredUnit[] = [];
    try {
      for await (const recorded of this.store.readStream(UNIT_REGISTRY_STREAM)) {
        const recordedAt = (recorded.metadata as { recordedAt?: string }).recordedAt ?? '';
        if (Date.parse(recordedAt) > Date.parse(asOf)) break;
        const data = recorded.data as { name: string; addedBy: string; reason?: string };
        added.push({
          name: data.name,
          source: 'added',
          addedBy: data.addedBy,
          addedAt: recordedAt,
          ...(data.reason ? { reason: data.reason } : {}),
        });
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return [...this.seed.units.map((name) => ({ name, source: 'seed' as const })), ...added];
  }
}
