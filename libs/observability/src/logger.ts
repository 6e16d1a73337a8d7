import pino, { type Logger, type LoggerOptions } from 'pino';

export interface LoggerConfig {
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  readonly level: string;
  /** Human-readable lines (pino-pretty) instead of JSON; for a person at a terminal. */
  readonly pretty: boolean;
}

/**
 * Paths pino blanks out wherever they appear in a log line. Request and response headers are not
 * serialised by default, but a line that logs them on purpose must still never carry a credential.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.secret',
];

export function loggerOptions(config: LoggerConfig): LoggerOptions {
  return {
    level: config.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(config.pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}

export function createLogger(config: LoggerConfig): Logger {
  return pino(loggerOptions(config));
}
