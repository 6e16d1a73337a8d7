export { EventStoreDbEventStore, type EventStoreDbOptions } from './esdb-event-store';
export type { ReconnectPolicy } from './resuming-subscription';
