import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDb } from './read-model-db';
import { StreamClock } from './stream-clock';

describe('the per-stream clock of the read side', () => {
  it('keeps each stream in time order when a clock steps back, and leaves other streams as recorded', () => {
    const clock = new StreamClock(openReadModelDb(':memory:'));
    expect(
      clock.stamp(
        ['obligations'],
        [
          { streamId: 'task-a', recordedAt: '2024-06-15T00:00:00.000Z' },
          { streamId: 'task-b', recordedAt: '2024-03-01T00:00:00.000Z' },
          { streamId: 'task-a', recordedAt: '2024-06-14T23:59:59.000Z' },
        ],
      ),
    ).toEqual(['2024-06-15T00:00:00.000Z', '2024-03-01T00:00:00.000Z', '2024-06-15T00:00:00.000Z']);
  });

  it('remembers across batches and restarts, per projection, and forgets on rebuild', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'stream-clock-')), 'rm.sqlite');
    const first = openReadModelDb(path);
    new StreamClock(first).stamp(
      ['targets'],
      [{ streamId: 'task-a', recordedAt: '2024-06-15T00:00:00.000Z' }],
    );
    first.close();

    const clock = new StreamClock(openReadModelDb(path));
    const late = [{ streamId: 'task-a', recordedAt: '2024-06-01T00:00:00.000Z' }];
    expect(clock.stamp(['targets'], late)).toEqual(['2024-06-15T00:00:00.000Z']);
    expect(clock.stamp(['obligations'], late)).toEqual(['2024-06-01T00:00:00.000Z']);
    clock.forget('targets');
    expect(clock.stamp(['targets'], late)).toEqual(['2024-06-01T00:00:00.000Z']);
  });
});
