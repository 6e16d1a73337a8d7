export * from './record-integrity.module';
export * from './record-integrity.config';
