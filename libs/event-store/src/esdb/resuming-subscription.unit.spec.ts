import { InvalidPositionError } from '../port/errors';
import type { SubscriptionMessage } from '../port/event-store.port';
import type { RecordedEvent } from '../port/events';
import { START, type Position } from '../port/position';
import {
  ResumingSubscription,
  type ResumingSubscriptionOptions,
  type StartPoint,
  type SubscriptionConnection,
} from './resuming-subscription';
import { isTransientError } from './error-translation';
import { grpcError, TRANSIENT_SERVER_FAILURES } from './server-failures.testing';

class ConnectionDropped extends Error {}
class RequestRejected extends Error {}

/**
 * Stands for the server and the network between: a growing log, and connections that deliver,
 * from an exclusive start, the events after it, CaughtUp, then live events. A connection can be
 * told to drop after a number of messages, or to fail on opening.
 */
class FakeServer {
  readonly log: RecordedEvent[] = [];
  readonly opens: StartPoint[] = [];
  private readonly plans: Array<{ dropAfter?: number; failWith?: Error; endAfter?: number }> = [];
  private readonly listeners = new Set<() => void>();

  append(count: number): void {
    for (let i = 0; i < count; i += 1) {
      const n = this.log.length;
      // Positions with gaps and commit != prepare, as a real log has.
      const position = { commit: BigInt(1000 + n * 100), prepare: BigInt(990 + n * 100) };
      this.log.push({
        id: `id-${n}`,
        type: 'Tick',
        schemaVersion: 1,
        data: { n },
        metadata: {},
        streamId: 'ticks',
        revision: n,
        position,
        recordedAt: new Date(0),
      });
    }
    for (const listener of this.listeners) listener();
  }

  /** How the next connection to be opened behaves. */
  plan(behaviour: { dropAfter?: number; failWith?: Error; endAfter?: number }): this {
    this.plans.push(behaviour);
    return this;
  }

  open = (from: StartPoint): SubscriptionConnection => {
    this.opens.push(from);
    const { dropAfter, failWith, endAfter } = this.plans.shift() ?? {};
    const start = from === START ? 0 : this.log.findIndex((e) => after(e.position, from));
    let next = start === -1 ? this.log.length : start;
    let caughtUpSent = false;
    let sent = 0;
    let closed = false;
    return {
      next: async (): Promise<SubscriptionMessage | undefined> => {
        if (failWith) throw failWith;
        if (sent === dropAfter) throw new ConnectionDropped('14 UNAVAILABLE: Connection dropped');
        if (sent === endAfter) return undefined;
        while (!closed) {
          if (next < this.log.length) {
            sent += 1;
            return { kind: 'event', event: this.log[next++] };
          }
          if (!caughtUpSent) {
            caughtUpSent = true;
            sent += 1;
            return { kind: 'caughtUp' };
          }
          await new Promise<void>((resolve) => {
            const wake = () => {
              this.listeners.delete(wake);
              resolve();
            };
            this.listeners.add(wake);
          });
        }
        return undefined;
      },
      close: async () => {
        closed = true;
        for (const listener of [...this.listeners]) listener();
      },
    };
  };
}

function after(a: Position, b: Position): boolean {
  return a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);
}

function subscribe(server: FakeServer, overrides: Partial<ResumingSubscriptionOptions> = {}) {
  return new ResumingSubscription({
    start: START,
    open: server.open,
    isTransient: (error) => error instanceof ConnectionDropped,
    translateError: (error) => error,
    reconnect: { initialDelayMs: 0, maxDelayMs: 0, maxAttempts: 3 },
    ...overrides,
  });
}

async function take(subscription: ResumingSubscription, count: number): Promise<string[]> {
  const seen: string[] = [];
  while (seen.length < count) {
    const { done, value } = await subscription.next();
    if (done) break;
    seen.push(value.kind === 'event' ? `event ${value.event.data.n}` : 'caughtUp');
  }
  return seen;
}

const events = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `event ${from + i}`);

describe('ResumingSubscription', () => {
  it('resumes a connection dropped during catch-up from the last delivered event', async () => {
    const server = new FakeServer();
    server.append(6);
    server.plan({ dropAfter: 2 }).plan({ dropAfter: 3 });
    const subscription = subscribe(server);

    expect(await take(subscription, 7)).toEqual([...events(0, 5), 'caughtUp']);
    expect(server.opens).toEqual([START, server.log[1].position, server.log[4].position]);
    await subscription.stop();
  });

  it('resumes a live subscription without repeating CaughtUp, and catches up what it missed', async () => {
    const server = new FakeServer();
    server.append(2);
    server.plan({ dropAfter: 4 });
    const subscription = subscribe(server);

    expect(await take(subscription, 3)).toEqual(['event 0', 'event 1', 'caughtUp']);
    server.append(1);
    expect(await take(subscription, 1)).toEqual(['event 2']);
    server.append(3); // the connection drops before these arrive
    expect(await take(subscription, 3)).toEqual(['event 3', 'event 4', 'event 5']);
    expect(server.opens).toEqual([START, server.log[2].position]);
    await subscription.stop();
  });

  it('never delivers an event at or before the last delivered position', async () => {
    const server = new FakeServer();
    server.append(3);
    // A connection that starts one event too early (inclusive) must not cause a repeat.
    const inclusive: ResumingSubscriptionOptions['open'] = (from) =>
      server.open(
        from === START
          ? START
          : server.log[server.log.findIndex((e) => e.position === from) - 1].position,
      );
    server.plan({ dropAfter: 2 });
    const subscription = subscribe(server, { open: inclusive });

    expect(await take(subscription, 4)).toEqual(['event 0', 'event 1', 'event 2', 'caughtUp']);
    await subscription.stop();
  });

  it('resumes when the server ends the subscription without an error', async () => {
    const server = new FakeServer();
    server.append(3);
    server.plan({ endAfter: 1 });
    const subscription = subscribe(server);

    expect(await take(subscription, 4)).toEqual(['event 0', 'event 1', 'event 2', 'caughtUp']);
    expect(server.opens).toEqual([START, server.log[0].position]);
    await subscription.stop();
  });

  it('passes a non-transient error to the iterator and stops', async () => {
    const server = new FakeServer();
    server.append(3);
    const rejected = new RequestRejected('access denied');
    server.plan({ dropAfter: 1 }).plan({ failWith: rejected });
    const stopped = jest.fn();
    const subscription = subscribe(server, { onStopped: stopped });

    expect(await take(subscription, 1)).toEqual(['event 0']);
    await expect(subscription.next()).rejects.toBe(rejected);
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(await subscription.next()).toEqual({ done: true, value: undefined });
  });

  it('gives up after the configured number of consecutive failed attempts, translating the error', async () => {
    const server = new FakeServer();
    server.append(1);
    const dropped = new ConnectionDropped('down');
    for (let i = 0; i < 4; i += 1) server.plan({ failWith: dropped });
    const subscription = subscribe(server, { translateError: (error) => ({ translated: error }) });

    await expect(subscription.next()).rejects.toEqual({ translated: dropped });
    expect(server.opens).toHaveLength(4); // the first attempt and three retries
  });

  it('counts failed attempts afresh once a connection delivers again', async () => {
    const server = new FakeServer();
    server.append(4);
    const dropped = new ConnectionDropped('down');
    server
      .plan({ failWith: dropped })
      .plan({ failWith: dropped })
      .plan({ dropAfter: 1 })
      .plan({ failWith: dropped })
      .plan({ failWith: dropped });
    // Five failures in all, but never more than three in a row: the limit is not reached.
    const subscription = subscribe(server);

    expect(await take(subscription, 5)).toEqual([...events(0, 3), 'caughtUp']);
    await subscription.stop();
  });

  it('pins a start computed up front and resumes from it when nothing was delivered yet', async () => {
    const server = new FakeServer();
    server.append(2);
    const head = server.log[1].position;
    const start = jest.fn(async () => head);
    server.plan({ dropAfter: 0 });
    const subscription = subscribe(server, { start });
    server.append(1);

    expect(await take(subscription, 2)).toEqual(['event 2', 'caughtUp']);
    expect(start).toHaveBeenCalledTimes(1);
    expect(server.opens).toEqual([head, head]);
    await subscription.stop();
  });

  it('opens its first connection at once, before the first next()', async () => {
    const server = new FakeServer();
    const subscription = subscribe(server);
    expect(server.opens).toEqual([START]);
    await subscription.stop();
  });

  it('ends a pending next() when stopped', async () => {
    const server = new FakeServer();
    const subscription = subscribe(server);
    expect(await take(subscription, 1)).toEqual(['caughtUp']);

    const pending = subscription.next();
    await subscription.stop();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('stops when a for-await loop is left', async () => {
    const server = new FakeServer();
    server.append(5);
    const stopped = jest.fn();
    const subscription = subscribe(server, { onStopped: stopped });
    for await (const message of subscription) {
      if (message.kind === 'event' && message.event.data.n === 1) break;
    }
    expect(stopped).toHaveBeenCalledTimes(1);
  });

  it.each(TRANSIENT_SERVER_FAILURES.map(([kind, name, error]) => [kind, name, error] as const))(
    'resumes after a transient failure of kind %s (%s), from the last delivered event',
    async (_kind, _name, error) => {
      const server = new FakeServer();
      server.append(3);
      server.plan({ dropAfter: 1 }).plan({ failWith: error });
      const subscription = subscribe(server, {
        isTransient: (failure) => failure instanceof ConnectionDropped || isTransientError(failure),
      });

      expect(await take(subscription, 4)).toEqual([...events(0, 2), 'caughtUp']);
      expect(server.opens).toEqual([START, server.log[0].position, server.log[0].position]);
      await subscription.stop();
    },
  );

  describe('given a start position the server rejects', () => {
    const rejectedPosition = (server: FakeServer): Position => ({
      commit: server.log[1].position.commit + 1n,
      prepare: server.log[1].position.commit + 1n,
    });
    const invalidPosition = () =>
      grpcError(3 /* INVALID_ARGUMENT */, 'Trying to read from an invalid position.');
    const translateError = (error: unknown) =>
      error instanceof Error && /invalid position/.test(error.message)
        ? new InvalidPositionError('x')
        : error;

    it('when a repair is offered, then it resubscribes from the repaired start and delivers what follows', async () => {
      const server = new FakeServer();
      server.append(4);
      const rejected = rejectedPosition(server);
      server.plan({ failWith: invalidPosition() });
      const repairStart = jest.fn(async () => server.log[1].position);
      const subscription = subscribe(server, { start: rejected, translateError, repairStart });

      expect(await take(subscription, 3)).toEqual(['event 2', 'event 3', 'caughtUp']);
      expect(repairStart).toHaveBeenCalledWith(rejected);
      expect(server.opens).toEqual([rejected, server.log[1].position]);
      await subscription.stop();
    });

    it('when the repaired start is rejected too, then the error reaches the iterator', async () => {
      const server = new FakeServer();
      server.append(2);
      const rejected = rejectedPosition(server);
      server.plan({ failWith: invalidPosition() }).plan({ failWith: invalidPosition() });
      const subscription = subscribe(server, {
        start: rejected,
        translateError,
        repairStart: async () => server.log[0].position,
      });

      await expect(subscription.next()).rejects.toBeInstanceOf(InvalidPositionError);
    });
  });
});
