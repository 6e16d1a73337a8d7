import { StreamQueue } from './stream-queue';

/** A promise settled from outside, to hold work open while the test looks. */
function gate(): { promise: Promise<void>; open: () => void; fail: (error: Error) => void } {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('StreamQueue', () => {
  it('runs work on one stream one at a time, in arrival order', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    const first = gate();

    const done = [
      queue.run('s', async () => {
        log.push('1 start');
        await first.promise;
        log.push('1 end');
      }),
      queue.run('s', async () => {
        log.push('2');
      }),
    ];
    await settle();
    expect(log).toEqual(['1 start']);

    first.open();
    await Promise.all(done);
    expect(log).toEqual(['1 start', '1 end', '2']);
  });

  it('runs work on different streams at the same time', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    const held = gate();

    const a = queue.run('a', async () => {
      log.push('a start');
      await held.promise;
    });
    const b = queue.run('b', async () => {
      log.push('b');
    });
    await b;

    expect(log).toEqual(['a start', 'b']);
    held.open();
    await a;
  });

  it('hands each caller its own result or error, and a failure does not stop the next', async () => {
    const queue = new StreamQueue();
    const failing = gate();

    const first = queue.run('s', () => failing.promise.then(() => 'never'));
    const second = queue.run('s', async () => 'second');
    failing.fail(new Error('boom'));

    await expect(first).rejects.toThrow('boom');
    await expect(second).resolves.toBe('second');
  });
});
