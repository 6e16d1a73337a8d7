export {
  ServiceMetrics,
  type ProjectionLagSource,
  type RecordIntegritySource,
} from './service-metrics';
export { createLogger, loggerOptions, REDACTED_PATHS, type LoggerConfig } from './logger';
