export { ObservabilityModule, type ObservabilityModuleOptions } from './observability.module';
export { installHttpMetrics } from './http-metrics.hook';
