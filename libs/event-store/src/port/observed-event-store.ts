import { WrongExpectedVersionError } from './errors';
import type { EventStore } from './event-store.port';

/** Told about every append; metrics hang here, so no adapter knows of a metrics library. */
export interface EventStoreObserver {
  appended(seconds: number, outcome: 'ok' | 'conflict' | 'error'): void;
}

/** The same store, timing each append from the call until it is durable (or refused). */
export function observeEventStore(store: EventStore, observer: EventStoreObserver): EventStore {
  return {
    async append(streamId, events, options) {
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const result = await store.append(streamId, events, options);
        observer.appended(seconds(), 'ok');
        return result;
      } catch (error) {
        observer.appended(
          seconds(),
          error instanceof WrongExpectedVersionError ? 'conflict' : 'error',
        );
        throw error;
      }
    },
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}
