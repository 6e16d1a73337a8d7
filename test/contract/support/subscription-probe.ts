import type { RecordedEvent, Subscription, SubscriptionMessage } from '@duty-ledger/event-store';

/** How long an awaited condition may take before the test fails. Generous: this is no speed test. */
export const EVENTUALLY_TIMEOUT_MS = 15_000;

/** Waits until `condition` holds, checking every few milliseconds; fails with `describe()` after the timeout. */
export async function eventually(
  condition: () => boolean,
  describe: () => string,
  timeoutMs = EVENTUALLY_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`Condition not met within ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Consumes a subscription in the background and records what it delivers. `beforeNext` runs after
 * each message is recorded and before the next one is pulled: a slow consumer awaits in it.
 */
export class SubscriptionProbe {
  readonly messages: SubscriptionMessage[] = [];
  error: unknown;
  ended = false;
  private readonly done: Promise<void>;

  constructor(
    readonly subscription: Subscription,
    beforeNext: (message: SubscriptionMessage) => Promise<void> | void = () => undefined,
  ) {
    this.done = (async () => {
      try {
        for await (const message of subscription) {
          this.messages.push(message);
          await beforeNext(message);
        }
      } catch (error) {
        this.error = error;
      } finally {
        this.ended = true;
      }
    })();
  }

  events(): RecordedEvent[] {
    return this.messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
  }

  caughtUpCount(): number {
    return this.messages.filter((message) => message.kind === 'caughtUp').length;
  }

  /** Index in `messages` of the caughtUp signal, or -1. */
  caughtUpIndex(): number {
    return this.messages.findIndex((message) => message.kind === 'caughtUp');
  }

  summary(): string {
    const shown = this.messages
      .map((message) =>
        message.kind === 'event'
          ? `${message.event.streamId}@${message.event.revision}`
          : 'caughtUp',
      )
      .join(', ');
    return `received [${shown}]${this.error ? `, failed with ${String(this.error)}` : ''}${this.ended ? ', ended' : ''}`;
  }

  async until(condition: (probe: this) => boolean, what: string): Promise<void> {
    await eventually(
      () => {
        if (this.error) throw this.error;
        return condition(this);
      },
      () => `${what}; ${this.summary()}`,
    );
  }

  async untilCaughtUp(): Promise<void> {
    await this.until((probe) => probe.caughtUpCount() > 0, 'waiting for caughtUp');
  }

  async untilEvents(count: number): Promise<void> {
    await this.until((probe) => probe.events().length >= count, `waiting for ${count} events`);
  }

  /** Stops the subscription and waits until the iteration has ended. */
  async stop(): Promise<void> {
    await this.subscription.stop();
    await this.untilEnded();
  }

  async untilEnded(): Promise<void> {
    await eventually(
      () => this.ended,
      () => `iteration did not end; ${this.summary()}`,
    );
    await this.done;
  }
}
