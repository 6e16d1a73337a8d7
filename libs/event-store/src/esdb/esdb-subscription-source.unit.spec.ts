import { Readable } from 'node:stream';
import { Metadata, status } from '@grpc/grpc-js';
import {
  UnavailableError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
} from '@eventstore/db-client';
import { Subscription as ClientSubscription } from '@eventstore/db-client/dist/streams/utils/Subscription';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import type { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { SubscriptionMessage } from '../port/event-store.port';
import { EsdbSubscriptionSource } from './esdb-subscription-source';
import { fromClientEvent, toEventData } from './event-conversion';
import { caughtUpMessage, confirmationMessage, eventMessage } from './server-messages.testing';

/**
 * Stands for the gRPC call of a subscription: the server's messages, as @grpc/grpc-js hands them
 * to the client. The subscription under test is the client's own, so its buffering and the way
 * it reports CaughtUp are the real ones.
 */
class FakeCall extends Readable {
  produced = 0;
  cancelled = false;

  constructor(private readonly produce: (index: number) => ReadResp | null | Error) {
    super({ objectMode: true });
  }

  override _read(): void {
    const next = this.produce(this.produced);
    if (next instanceof Error) {
      this.destroy(next);
      return;
    }
    if (next !== null) this.produced += 1;
    this.push(next);
  }

  cancel(): void {
    this.cancelled = true;
    this.destroy();
  }
}

function event(n: number): ReadResp {
  const position = { commit: BigInt(2000 + n * 64), prepare: BigInt(2000 + n * 64) };
  const data = toEventData({ type: n % 2 ? 'Odd' : 'Even', schemaVersion: 1, data: { n } });
  return eventMessage(data, { streamId: 'numbers', revision: n, position, created: new Date(0) });
}

function connectionDropped(): Error {
  return Object.assign(new Error('14 UNAVAILABLE: Connection dropped'), {
    code: status.UNAVAILABLE,
    details: 'Connection dropped',
    metadata: new Metadata(),
  });
}

function subscriptionOver(call: FakeCall): AllStreamSubscription {
  return new ClientSubscription(
    async () => call as never,
    convertGrpcEvent,
    {},
  ) as unknown as AllStreamSubscription;
}

const decodeAll = (resolved: AllStreamResolvedEvent) => fromClientEvent(resolved);

async function drain(source: EsdbSubscriptionSource, count: number): Promise<string[]> {
  const seen: string[] = [];
  while (seen.length < count) {
    const message: SubscriptionMessage | undefined = await source.next();
    if (!message) break;
    seen.push(message.kind === 'event' ? `event ${message.event.data.n}` : 'caughtUp');
  }
  return seen;
}

describe('EsdbSubscriptionSource', () => {
  it('puts CaughtUp after the events before it, though the client reports it while they are still buffered', async () => {
    const messages = [
      confirmationMessage(),
      event(0),
      event(1),
      event(2),
      caughtUpMessage(),
      event(3),
    ];
    const call = new FakeCall((i) => messages[i] ?? null);
    const client = subscriptionOver(call);
    const bufferedAtCaughtUp = new Promise<number>((resolve) =>
      client.once('caughtUp', () => resolve(client.readableLength)),
    );
    const source = new EsdbSubscriptionSource(client, decodeAll);

    expect(await bufferedAtCaughtUp).toBeGreaterThan(0);
    expect(await drain(source, 5)).toEqual([
      'event 0',
      'event 1',
      'event 2',
      'caughtUp',
      'event 3',
    ]);
    await source.close();
  });

  it('does not move CaughtUp when events are filtered out on the client', async () => {
    const messages = [event(0), event(1), event(2), caughtUpMessage(), event(3), event(4)];
    const call = new FakeCall((i) => messages[i] ?? null);
    const source = new EsdbSubscriptionSource(subscriptionOver(call), (resolved) =>
      resolved.event?.type === 'Even' ? fromClientEvent(resolved) : undefined,
    );

    expect(await drain(source, 4)).toEqual(['event 0', 'event 2', 'caughtUp', 'event 4']);
    await source.close();
  });

  it('delivers what arrived before a dropped connection, then reports the failure', async () => {
    const call = new FakeCall((i) => (i < 2 ? event(i) : connectionDropped()));
    const source = new EsdbSubscriptionSource(subscriptionOver(call), decodeAll);

    expect(await drain(source, 2)).toEqual(['event 0', 'event 1']);
    await expect(source.next()).rejects.toBeInstanceOf(UnavailableError);
    await source.close();
  });

  it('reports the end of a subscription the server closed', async () => {
    const messages = [event(0), caughtUpMessage()];
    const source = new EsdbSubscriptionSource(
      subscriptionOver(new FakeCall((i) => messages[i] ?? null)),
      decodeAll,
    );

    expect(await drain(source, 3)).toEqual(['event 0', 'caughtUp']);
    expect(await source.next()).toBeUndefined();
  });

  it('pulls: a consumer that stops taking holds back the call instead of buffering all of it', async () => {
    const total = 10_000;
    const call = new FakeCall((i) => (i < total ? event(i) : null));
    const source = new EsdbSubscriptionSource(subscriptionOver(call), decodeAll);

    expect(await drain(source, 1)).toEqual(['event 0']);
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    // Stream high-water marks bound what is read ahead (16 objects per stage by default).
    expect(call.produced).toBeLessThan(100);
    await source.close();
  });

  it('cancels the call when closed', async () => {
    const call = new FakeCall((i) => (i === 0 ? event(0) : null));
    const source = new EsdbSubscriptionSource(subscriptionOver(call), decodeAll);
    await drain(source, 1);
    await source.close();
    expect(call.cancelled).toBe(true);
  });
});
