import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  AppendTooLargeError,
  EventStoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@duty-ledger/event-store';

/** A domain-level refusal carries one of these codes; see mapDomainCode. */
export interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

/**
 * Business-rule violations (the command is well-formed but the rules of the plan refuse it) get
 * one documented status: 422 Unprocessable Entity.
 */
export const BUSINESS_RULE_STATUS = HttpStatus.UNPROCESSABLE_ENTITY;

const DOMAIN_STATUS: Record<string, number> = {
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  'illegal-state': HttpStatus.CONFLICT,
  'rule-violation': BUSINESS_RULE_STATUS,
};

function isCodedError(error: unknown): error is CodedError {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code in DOMAIN_STATUS;
}

/**
 * The one place where errors become HTTP responses. Clients never see a stack trace; anything
 * unexpected is logged here and answered with a plain 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.toProblem(error);
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toProblem(error: unknown): { status: number; body: Record<string, unknown> } {
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      const body =
        typeof response === 'string'
          ? { statusCode: status, message: response }
          : { statusCode: status, ...(response as object) };
      return { status, body };
    }
    if (error instanceof WrongExpectedVersionError) {
      return {
        status: HttpStatus.CONFLICT,
        body: {
          statusCode: 409,
          error: 'Conflict',
          message: 'The resource changed since you read it; reload and retry',
          expectedRevision: error.expected,
          currentRevision: error.actual === 'no_stream' ? null : error.actual,
        },
      };
    }
    if (isCodedError(error)) {
      const status = DOMAIN_STATUS[error.code];
      return {
        status,
        body: {
          statusCode: status,
          error: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      };
    }
    if (error instanceof StreamNotFoundError) {
      return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not found' } };
    }
    if (error instanceof AppendTooLargeError) {
      return {
        status: 413,
        body: { statusCode: 413, error: 'Payload Too Large', message: error.message },
      };
    }
    if (error instanceof EventStoreUnavailableError) {
      this.logger.error(error.message);
      return {
        status: 503,
        body: {
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'The event store is unavailable; retry later',
        },
      };
    }
    // Fastify's own errors (malformed JSON, body too large) carry a statusCode.
    const fastifyStatus = (error as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        status: fastifyStatus,
        body: { statusCode: fastifyStatus, message: (error as Error).message },
      };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
    };
  }
}
