import type { RecordedEvent } from '../port/events';
import type { Subscription, SubscriptionMessage } from '../port/event-store.port';

/** What a subscription needs from its store, with the subscription's filter already applied. */
export interface SqlitePageSource {
  /** The last position in $all right now (0 when the log is empty). */
  headSequence(): bigint;
  /** Matching events with lastSeen < position <= upTo, in order, at most `limit`. */
  readPage(lastSeen: bigint, upTo: bigint, limit: number): RecordedEvent[];
  /** Calls the listener whenever this process appends through the same store. */
  listen(listener: () => void): () => void;
}

export interface SqliteSubscriptionOptions {
  /** Events strictly after this sequence are delivered. */
  readonly lastSeen: bigint;
  readonly pageSize: number;
  readonly pollIntervalMs: number;
  readonly onEnd: (subscription: SqliteSubscription) => void;
}

/**
 * Catch-up then live, pulled by the consumer: each `next()` reads at most one page from the
 * database, so a slow consumer only falls behind in the log, holding nothing but its cursor.
 * Once caught up it waits for an in-process append notification or the poll interval (appends
 * from other connections), whichever comes first.
 */
export class SqliteSubscription implements Subscription {
  private lastSeen: bigint;
  private stopped = false;
  private iterated = false;
  /** Set by a notification; a wait that starts while it is set returns at once. */
  private changed = false;
  private wake: (() => void) | undefined;
  private readonly unlisten: () => void;

  constructor(
    private readonly source: SqlitePageSource,
    private readonly options: SqliteSubscriptionOptions,
  ) {
    this.lastSeen = options.lastSeen;
    this.unlisten = source.listen(() => {
      this.changed = true;
      this.wake?.();
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    if (this.iterated) throw new Error('A subscription can be iterated only once');
    this.iterated = true;
    return this.messages();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unlisten();
    this.wake?.();
    this.options.onEnd(this);
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage> {
    let caughtUp = false;
    try {
      while (!this.stopped) {
        this.changed = false;
        const head = this.source.headSequence();
        const page =
          head > this.lastSeen
            ? this.source.readPage(this.lastSeen, head, this.options.pageSize)
            : [];
        for (const event of page) {
          if (this.stopped) return;
          this.lastSeen = event.position.commit;
          yield { kind: 'event', event };
        }
        if (page.length === this.options.pageSize) continue;
        // A short page means every event up to head was looked at, matching or not.
        if (head > this.lastSeen) this.lastSeen = head;
        if (this.stopped) return;
        if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caughtUp' };
          continue;
        }
        await this.waitForChange();
      }
    } finally {
      await this.stop();
    }
  }

  private async waitForChange(): Promise<void> {
    if (this.changed || this.stopped) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      timer = setTimeout(resolve, this.options.pollIntervalMs);
    });
    clearTimeout(timer);
    this.wake = undefined;
  }
}
