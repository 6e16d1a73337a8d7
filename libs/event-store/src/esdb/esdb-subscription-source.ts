import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { SubscriptionMessage } from '../port/event-store.port';
import type { RecordedEvent } from '../port/events';
import type { SubscriptionConnection } from './resuming-subscription';

/**
 * Reads one client subscription to $all as an ordered sequence of messages.
 *
 * The client hands over events as stream data but reports CaughtUp as a separate 'caughtUp'
 * event, emitted when the server's message passes through, while earlier events may still sit in
 * the stream's buffer. So the position of CaughtUp in the sequence is recorded as "after the
 * events taken so far plus those buffered", and it is delivered when exactly that many have been
 * taken. Events are taken with read(), one per next(): the stream's buffer stays at its high-water
 * mark and gRPC flow control holds back the server, so nothing piles up in memory.
 */
export class EsdbSubscriptionSource implements SubscriptionConnection {
  private taken = 0;
  private caughtUpAfter: number | undefined;
  private caughtUpSent = false;
  private failure: unknown;
  private ended = false;
  private wake: () => void = () => undefined;

  constructor(
    private readonly subscription: AllStreamSubscription,
    /** Decodes an event, or returns undefined for one the subscription's filter rejects. */
    private readonly decode: (resolved: AllStreamResolvedEvent) => RecordedEvent | undefined,
  ) {
    subscription.on('caughtUp', () => {
      this.caughtUpAfter ??= this.taken + subscription.readableLength;
      this.wake();
    });
    subscription.on('readable', () => this.wake());
    subscription.on('end', () => {
      this.ended = true;
      this.wake();
    });
    subscription.on('error', (error) => {
      this.failure ??= error;
      this.wake();
    });
  }

  async next(): Promise<SubscriptionMessage | undefined> {
    for (;;) {
      if (!this.caughtUpSent && this.caughtUpAfter === this.taken) {
        this.caughtUpSent = true;
        return { kind: 'caughtUp' };
      }
      const resolved = this.subscription.read() as AllStreamResolvedEvent | null;
      if (resolved !== null) {
        this.taken += 1;
        const event = this.decode(resolved);
        if (event) return { kind: 'event', event };
        continue;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = () => undefined;
    }
  }

  async close(): Promise<void> {
    await this.subscription.unsubscribe();
    this.subscription.destroy();
  }
}
