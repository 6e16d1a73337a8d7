/** How one request of a group ended. */
export type Settled<Result> =
  { readonly ok: true; readonly value: Result } | { readonly ok: false; readonly error: unknown };

interface Waiting<Request, Result> {
  readonly request: Request;
  readonly resolve: (value: Result) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Collects the requests submitted during one turn of the event loop and hands them to `runGroup`
 * together, at the next check phase (setImmediate): every request read from the sockets in one
 * poll phase then shares one transaction, hence one fsync. `runGroup` settles each request on its
 * own; if it throws, the whole group fails with that error.
 */
export class GroupCommit<Request, Result> {
  private queue: Waiting<Request, Result>[] = [];
  private scheduled = false;

  constructor(
    private readonly runGroup: (requests: readonly Request[]) => readonly Settled<Result>[],
    /** Bounds how long one transaction holds the write lock that other processes wait for. */
    private readonly maxGroupSize: number,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Runs everything submitted so far, now (also used to drain the queue before closing). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.maxGroupSize);
      let settled: readonly Settled<Result>[];
      try {
        settled = this.runGroup(group.map((waiting) => waiting.request));
      } catch (error) {
        for (const waiting of group) waiting.reject(error);
        continue;
      }
      group.forEach((waiting, index) => {
        const outcome = settled[index];
        if (outcome.ok) waiting.resolve(outcome.value);
        else waiting.reject(outcome.error);
      });
    }
  }
}
