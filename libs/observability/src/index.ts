export { ServiceMetrics, type ProjectionLagSource } from './service-metrics';
export { createLogger, loggerOptions, REDACTED_PATHS, type LoggerConfig } from './logger';
