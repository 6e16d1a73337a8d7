/**
 * Runs work for one stream at a time, in arrival order; different streams run concurrently.
 *
 * Commands on one stream decided concurrently would all read the same revision and all but one
 * would lose the append race and retry: with the event store committing the appends of one
 * event-loop turn together, every command on a busy stream but one did so in each turn. Queued, a
 * command starts from the revision its predecessor wrote. Other processes can still write the
 * stream; the executor's revision check and retry cover them.
 */
export class StreamQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId);
    // The tail never rejects (see below), so `work` runs once its predecessor has settled.
    const result = previous ? previous.then(work) : work();
    const tail = result.catch(() => undefined);
    this.tails.set(streamId, tail);
    void tail.then(() => {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    });
    return result;
  }
}
