import { EventStoreUnavailableError, InvalidPositionError } from '../port/errors';
import type { Subscription, SubscriptionMessage } from '../port/event-store.port';
import { comparePositions, START, type Position } from '../port/position';

/** Where a subscription (re)starts, exclusive: events strictly after it. */
export type StartPoint = Position | typeof START;

/** One connection's worth of a subscription: what arrives until the connection fails. */
export interface SubscriptionConnection {
  /** The next message; undefined when the server ended the subscription; rejects when it failed. */
  next(): Promise<SubscriptionMessage | undefined>;
  close(): Promise<void>;
}

export interface ReconnectPolicy {
  /** Delay before the first re-subscription; it doubles on each further failure up to maxDelayMs. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** How many times in a row it re-subscribes after a failure before passing the error on. */
  readonly maxAttempts: number;
}

export interface ResumingSubscriptionOptions {
  /** The start, or how to find it (a subscription "from the end" pins the end once, up front). */
  readonly start: StartPoint | (() => Promise<StartPoint>);
  readonly open: (from: StartPoint) => SubscriptionConnection;
  readonly isTransient: (error: unknown) => boolean;
  /** The port's form of a failure, given where the failed connection started. */
  readonly translateError: (error: unknown, start: StartPoint | undefined) => unknown;
  /**
   * Where to start instead of a position the server rejects (InvalidPositionError): tried once,
   * so that a subscription from a foreign checkpoint resumes rather than stops.
   */
  readonly repairStart?: (rejected: Position) => Promise<StartPoint>;
  readonly reconnect: ReconnectPolicy;
  readonly onStopped?: () => void;
}

const STOPPED = Symbol('stopped');

/** The server closed the subscription without an error; it is resumed like a dropped connection. */
class SubscriptionEndedError extends EventStoreUnavailableError {
  constructor() {
    super('EventStoreDB ended the subscription');
  }
}

/**
 * A subscription that survives dropped connections. It remembers the position of the last event
 * it delivered and, when a connection fails in a way a retry can fix, subscribes again from
 * exactly there, so nothing is delivered twice or skipped. `caughtUp` is delivered once, the
 * first time the server sends it. It pulls one message per `next()`, so a slow consumer only
 * holds back its own connection. The first connection is opened at once, not on the first
 * `next()`, so that events appended after the subscribe call are not missed.
 */
export class ResumingSubscription implements Subscription, AsyncIterator<SubscriptionMessage> {
  private resumeFrom: StartPoint | undefined;
  private source: Promise<SubscriptionConnection> | undefined;
  private caughtUpDelivered = false;
  private failedAttempts = 0;
  private startRepaired = false;
  private stopped = false;
  private signalStop!: () => void;
  private readonly stopSignal = new Promise<typeof STOPPED>((resolve) => {
    this.signalStop = () => resolve(STOPPED);
  });

  constructor(private readonly options: ResumingSubscriptionOptions) {
    if (typeof options.start !== 'function') this.resumeFrom = options.start;
    this.source = this.openSource();
    // A failure here is reported by the first next(); until then it must not count as unhandled.
    this.source.catch(() => undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return this;
  }

  async next(): Promise<IteratorResult<SubscriptionMessage>> {
    while (!this.stopped) {
      try {
        this.source ??= this.openSource();
        const source = await this.untilStopped(this.source);
        if (source === STOPPED) break;
        const message = await this.untilStopped(source.next());
        if (message === STOPPED) break;
        if (message === undefined) throw new SubscriptionEndedError();
        this.failedAttempts = 0;
        if (this.isDelivered(message)) continue;
        if (message.kind === 'caughtUp') this.caughtUpDelivered = true;
        else this.resumeFrom = message.event.position;
        return { done: false, value: message };
      } catch (error) {
        const transient =
          error instanceof SubscriptionEndedError || this.options.isTransient(error);
        await this.retryAfterFailure(error, transient);
      }
    }
    return { done: true, value: undefined };
  }

  async return(): Promise<IteratorResult<SubscriptionMessage>> {
    await this.stop();
    return { done: true, value: undefined };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.signalStop();
    await this.dropSource();
    this.options.onStopped?.();
  }

  private async openSource(): Promise<SubscriptionConnection> {
    if (this.resumeFrom === undefined && typeof this.options.start === 'function') {
      this.resumeFrom = await this.options.start();
    }
    return this.options.open(this.resumeFrom ?? START);
  }

  /** A repeat of what was already delivered: a second caughtUp after a resume, or an old event. */
  private isDelivered(message: SubscriptionMessage): boolean {
    if (message.kind === 'caughtUp') return this.caughtUpDelivered;
    // Cannot happen with EventStoreDB's exclusive start; checked so that it never reaches callers.
    return (
      this.resumeFrom !== undefined &&
      this.resumeFrom !== START &&
      comparePositions(message.event.position, this.resumeFrom) <= 0
    );
  }

  private async retryAfterFailure(error: unknown, transient: boolean): Promise<void> {
    await this.dropSource();
    if (this.stopped) return;
    const { maxAttempts, initialDelayMs, maxDelayMs } = this.options.reconnect;
    if (!transient && (await this.repairedStart(error))) return;
    if (!transient || this.failedAttempts >= maxAttempts) {
      await this.stop();
      throw this.options.translateError(error, this.resumeFrom);
    }
    this.failedAttempts += 1;
    await this.untilStopped(
      delay(Math.min(maxDelayMs, initialDelayMs * 2 ** (this.failedAttempts - 1)), this.stopSignal),
    );
  }

  /** Moves the start off a position the server rejected, once; false when that does not apply. */
  private async repairedStart(error: unknown): Promise<boolean> {
    const rejected = this.resumeFrom;
    const { repairStart, translateError } = this.options;
    if (this.startRepaired || !repairStart || rejected === undefined || rejected === START)
      return false;
    if (!(translateError(error, rejected) instanceof InvalidPositionError)) return false;
    this.startRepaired = true;
    try {
      this.resumeFrom = await repairStart(rejected);
      return true;
    } catch {
      return false; // the rejection is reported, as without a repair
    }
  }

  private async dropSource(): Promise<void> {
    const source = this.source;
    this.source = undefined;
    if (!source) return;
    try {
      await (await source).close();
    } catch {
      // The connection is being discarded; its failure to close changes nothing for the caller.
    }
  }

  private untilStopped<T>(promise: Promise<T>): Promise<T | typeof STOPPED> {
    return Promise.race([promise, this.stopSignal]);
  }
}

function delay(ms: number, cancel: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void cancel.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
