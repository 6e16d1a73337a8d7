import type { CommandOutcome, StreamCommand } from './execute-batch';
import { StreamBatcher } from './stream-batcher';

/** A promise settled from outside, to hold a batch open while the test looks. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const commandOf = (name: string): StreamCommand<string> => ({
  command: name,
  options: { commandId: name, metadata: {}, recordedAt: () => '' },
});

/** Answers every command with its own name as the stream id, and records the batches. */
function recordingRunner(hold?: Promise<void>) {
  const batches: string[][] = [];
  const run = async (streamId: string, batch: readonly StreamCommand<string>[]) => {
    batches.push(batch.map((entry) => `${streamId}:${entry.command}`));
    await hold;
    return batch.map((entry): CommandOutcome<never> =>
      entry.command.startsWith('bad')
        ? { ok: false, error: new Error(entry.command) }
        : {
            ok: true,
            value: { streamId: entry.command, revision: 0, position: '', events: [] },
          },
    );
  };
  return { batches, run };
}

describe('StreamBatcher', () => {
  it('runs the first command at once and the ones arriving meanwhile as the next batch, in order', async () => {
    const first = gate();
    const runner = recordingRunner(first.promise);
    const batcher = new StreamBatcher<string, never>(runner.run);

    const done = ['a', 'b', 'c'].map((name) => batcher.submit('s', commandOf(name)));
    expect(runner.batches).toEqual([['s:a']]);
    first.open();
    await Promise.all(done);

    expect(runner.batches).toEqual([['s:a'], ['s:b', 's:c']]);
  });

  it('runs batches of different streams at the same time', async () => {
    const held = gate();
    const runner = recordingRunner(held.promise);
    const batcher = new StreamBatcher<string, never>(runner.run);

    const done = [batcher.submit('s1', commandOf('a')), batcher.submit('s2', commandOf('b'))];

    expect(runner.batches).toEqual([['s1:a'], ['s2:b']]);
    held.open();
    await Promise.all(done);
  });

  it("settles each caller with its own command's outcome", async () => {
    const runner = recordingRunner();
    const batcher = new StreamBatcher<string, never>(runner.run);

    const outcomes = await Promise.allSettled(
      ['a', 'bad-b', 'c'].map((name) => batcher.submit('s', commandOf(name))),
    );

    expect(
      outcomes.map((o) => (o.status === 'fulfilled' ? o.value.streamId : o.reason.message)),
    ).toEqual(['a', 'bad-b', 'c']);
  });

  it('rejects a whole batch whose run fails, and goes on with the next', async () => {
    const held = gate();
    let calls = 0;
    const batcher = new StreamBatcher<string, never>(async (_streamId, batch) => {
      calls += 1;
      if (calls === 1) {
        await held.promise;
        throw new Error('store down');
      }
      return batch.map(() => ({
        ok: true as const,
        value: { streamId: 's', revision: 1, position: '1', events: [] },
      }));
    });

    const first = batcher.submit('s', commandOf('a'));
    const second = batcher.submit('s', commandOf('b'));
    held.open();

    await expect(first).rejects.toThrow('store down');
    await expect(second).resolves.toMatchObject({ revision: 1 });
  });
});
