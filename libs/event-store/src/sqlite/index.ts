export { SqliteEventStore } from './sqlite-event-store';
export {
  DEFAULT_MAX_APPEND_SIZE,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_BUSY_TIMEOUT_MS,
  DEFAULT_PAGE_SIZE,
  type SqliteEventStoreOptions,
} from './options';
