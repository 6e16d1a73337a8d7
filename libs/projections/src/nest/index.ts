export { ProjectionsModule, type ProjectionsModuleAsyncOptions } from './projections.module';
export { PROJECTIONS_CONFIG, READ_MODEL_DB, type ProjectionsConfig } from './projections.config';
export { WaitForPositionInterceptor } from './wait-for-position.interceptor';
