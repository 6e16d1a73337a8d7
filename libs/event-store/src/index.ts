export * from './port/position';
export * from './port/expected-revision';
export * from './port/events';
export * from './port/errors';
export * from './port/event-store.port';
export * from './port/upcasting';
export * from './port/deterministic-uuid';
export * from './sqlite';
