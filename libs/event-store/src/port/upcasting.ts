import { UnknownSchemaVersionError } from './errors';
import type { JsonObject } from './events';

/** Turns `data` of schema version `from` into version `from + 1`. */
export type Upcaster = (data: JsonObject) => JsonObject;

/**
 * Knows the current schema version of each event type and how to step old versions up to it.
 * Released events are never rewritten in the store; they are upcast on every read instead.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Map<number, Upcaster>>();
  private readonly current = new Map<string, number>();

  /** Registers the step from `fromVersion` to `fromVersion + 1` for `type`. */
  register(type: string, fromVersion: number, upcast: Upcaster): this {
    let byVersion = this.steps.get(type);
    if (!byVersion) this.steps.set(type, (byVersion = new Map()));
    byVersion.set(fromVersion, upcast);
    this.current.set(type, Math.max(this.current.get(type) ?? 1, fromVersion + 1));
    return this;
  }

  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast(
    type: string,
    schemaVersion: number,
    data: JsonObject,
  ): { schemaVersion: number; data: JsonObject } {
    const target = this.currentVersion(type);
    let version = schemaVersion;
    let result = data;
    while (version < target) {
      const step = this.steps.get(type)?.get(version);
      if (!step) throw new UnknownSchemaVersionError(type, schemaVersion);
      result = step(result);
      version += 1;
    }
    return { schemaVersion: version, data: result };
  }
}
