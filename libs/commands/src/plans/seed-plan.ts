import { planStreamId } from '@duty-ledger/domain';
import type { Clock } from '@duty-ledger/clock';
import type { EventStore } from '@duty-ledger/event-store';
import { readSeedPlan, readUnitRegistry } from '@duty-ledger/plan-import';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planDecider } from '@duty-ledger/domain';
import { deterministicUuid } from '../shared/deterministic-id';
import { loadState } from '../shared/load-state';
import { ImportPlanHandler } from './import-plan/import-plan.handler';
import { importResponse } from './import-plan/import-response';

export interface SeedOutcome {
  readonly planId: string;
  readonly imported: boolean;
  readonly taskCount: number;
  readonly targetCount: number;
}

const SYSTEM_ACTOR = { id: 'system:seed', role: 'admin' as const, name: '初始化导入' };

/**
 * Imports the seed plan into a store that does not hold it yet. The command id derives from the
 * seed's content, so a start interrupted half-way finishes the same import on the next start.
 */
export async function importSeedPlanOnce(
  store: EventStore,
  clock: Clock,
  seedsDir: string,
): Promise<SeedOutcome> {
  const draft = readSeedPlan(seedsDir);
  const registry = readUnitRegistry(seedsDir);
  const planId = draft.planId ?? 'seed';
  const count = (d: typeof draft) => ({
    taskCount: d.sections.reduce((n, s) => n + s.tasks.length, 0),
    targetCount: d.sections.reduce(
      (n, s) => n + s.tasks.reduce((m, t) => m + t.targets.length, 0),
      0,
    ),
  });
  const { state } = await loadState(store, planStreamId(planId), planDecider);
  if (state.status === 'registered') return { planId, imported: false, ...count(draft) };

  const sourceText = readFileSync(join(seedsDir, '000_185a200b6ab3317e.txt'), 'utf8');
  const sourceSha256 = createHash('sha256').update(sourceText, 'utf8').digest('hex');
  const commandId = deterministicUuid('seed-import', planId, sourceSha256);
  const now = clock.now().toISOString();
  const result = await new ImportPlanHandler(store, clock).execute({
    command: {
      type: 'ImportPlan',
      data: { planId, draft, registry, sourceSha256 },
      metadata: { actor: SYSTEM_ACTOR, now, commandId },
    },
    eventMetadata: {
      actor: SYSTEM_ACTOR,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      occurredAt: now,
    },
  });
  const tasks = importResponse(result).tasks;
  return {
    planId,
    imported: true,
    taskCount: tasks.length,
    targetCount: tasks.reduce((n, t) => n + t.targets.length, 0),
  };
}
