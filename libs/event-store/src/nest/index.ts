export * from './event-store.module';
