import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@duty-ledger/event-store';
import { eventUpcasters } from './event-upcasters';

/** A store written before schema version 2 holds version 1 events; they must stay readable. */
describe('a store holding version 1 registrations, opened with eventUpcasters', () => {
  let dir: string;
  let store: EventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'upcasters-'));
    store = SqliteEventStore.open({
      path: join(dir, 'events.sqlite'),
      fsync: false,
      upcasters: eventUpcasters(),
    });
    await store.append(
      'task-cn-2024-t01',
      [
        {
          type: 'TaskRegistered',
          schemaVersion: 1,
          data: { planId: 'cn-2024', taskId: 'cn-2024-t01', no: 1, title: '加强统筹协调推进' },
        },
        {
          type: 'TargetRegistered',
          schemaVersion: 1,
          data: { taskId: 'cn-2024-t01', targetId: 'cn-2024-t01-g1', value: 100, unit: '个' },
        },
        {
          type: 'LeadAssigned',
          schemaVersion: 1,
          data: { taskId: 'cn-2024-t01', unit: '区数据局' },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads them as version 2 with their data unchanged, other types as they were', async () => {
    const read: RecordedEvent[] = [];
    for await (const event of store.readStream('task-cn-2024-t01')) read.push(event);
    expect(read.map(({ type, schemaVersion, data }) => ({ type, schemaVersion, data }))).toEqual([
      {
        type: 'TaskRegistered',
        schemaVersion: 2,
        data: { planId: 'cn-2024', taskId: 'cn-2024-t01', no: 1, title: '加强统筹协调推进' },
      },
      {
        type: 'TargetRegistered',
        schemaVersion: 2,
        data: { taskId: 'cn-2024-t01', targetId: 'cn-2024-t01-g1', value: 100, unit: '个' },
      },
      { type: 'LeadAssigned', schemaVersion: 1, data: { taskId: 'cn-2024-t01', unit: '区数据局' } },
    ]);
  });
});
