import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AppendTooLargeError,
  EventStoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@duty-ledger/event-store';
import { preferredLanguage } from './problems/language';
import type { Language } from './problems/messages';
import {
  detailOf,
  fieldProblemOf,
  localizeField,
  problemType,
  titleOf,
  type FieldProblem,
  type ProblemBody,
} from './problems/problem';

/** A domain-level refusal: its category `code`, and the stable `rule` it broke; see DOMAIN_STATUS. */
export interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly rule?: string;
  readonly details?: unknown;
}

/**
 * Business-rule violations (the command is well-formed but the rules of the plan refuse it) get
 * one documented status: 422 Unprocessable Entity.
 */
export const BUSINESS_RULE_STATUS = HttpStatus.UNPROCESSABLE_ENTITY;

/** The one mapping from a domain refusal's category to an HTTP status. */
const DOMAIN_STATUS: Record<string, number> = {
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  'illegal-state': HttpStatus.CONFLICT,
  'rule-violation': BUSINESS_RULE_STATUS,
};

/** The code of a refusal that names none, by status. */
const STATUS_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  422: 'rule-violation',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

function isCodedError(error: unknown): error is CodedError {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code in DOMAIN_STATUS;
}

/** What a refusal says before it is worded: its status, code, words and extra members. */
interface Refusal {
  readonly status: number;
  readonly code: string;
  /** The code of the refusal's category, when it differs from the status's. */
  readonly category?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly original?: string;
  readonly errors?: readonly FieldProblem[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * The one place where errors become HTTP responses: RFC 9457 problems (application/problem+json)
 * with a stable `code`, worded in Chinese unless the client asks for English. Clients never see a
 * stack trace; anything unexpected is logged here and answered with a plain 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest | undefined>();
    const language = preferredLanguage(request?.headers?.['accept-language']);
    const body = this.toProblem(this.refusalOf(error), language);
    void reply
      .status(body.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .header('content-language', language === 'zh' ? 'zh-CN' : 'en')
      .send(body);
  }

  private toProblem(refusal: Refusal, language: Language): ProblemBody {
    const errors = refusal.errors?.map((problem) => localizeField(problem, language));
    const fallback = refusal.category ?? STATUS_CODES[refusal.status] ?? 'internal-error';
    // A 400 names its first bad field: that is the problem to fix first.
    const detail =
      errors && errors.length > 0
        ? errors[0].reason
        : detailOf(refusal.code, language, refusal.params ?? {}, refusal.original, fallback);
    return {
      type: problemType(refusal.code),
      title: titleOf(refusal.status, language),
      status: refusal.status,
      detail,
      code: refusal.code,
      ...(errors ? { errors } : {}),
      ...refusal.extensions,
    };
  }

  private refusalOf(error: unknown): Refusal {
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      const body = (typeof response === 'string' ? { message: response } : response) as {
        code?: unknown;
        message?: unknown;
        errors?: unknown;
      };
      const { code, message, errors, ...rest } = body;
      const { statusCode: _status, error: _error, ...extensions } = rest as Record<string, unknown>;
      const original = Array.isArray(message)
        ? String(message[0])
        : (message as string | undefined);
      const named = status === 400 ? fieldProblemOf(original) : undefined;
      const fields = Array.isArray(errors) ? (errors as FieldProblem[]) : named && [named];
      return {
        status,
        code: typeof code === 'string' ? code : (STATUS_CODES[status] ?? 'internal-error'),
        original,
        ...(fields ? { errors: fields } : {}),
        extensions,
      };
    }
    if (error instanceof WrongExpectedVersionError) {
      return {
        status: HttpStatus.CONFLICT,
        code: 'stale-revision',
        extensions: {
          expectedRevision: error.expected,
          currentRevision: error.actual === 'no_stream' ? null : error.actual,
        },
      };
    }
    if (isCodedError(error)) {
      const details = (error.details ?? {}) as Record<string, unknown>;
      return {
        status: DOMAIN_STATUS[error.code],
        code: error.rule ?? error.code,
        category: error.code,
        params: details,
        original: error.message,
        ...(Object.keys(details).length > 0 ? { extensions: { details } } : {}),
      };
    }
    if (error instanceof StreamNotFoundError) return { status: 404, code: 'not-found' };
    if (error instanceof AppendTooLargeError) {
      return { status: 413, code: 'payload-too-large', original: error.message };
    }
    if (error instanceof EventStoreUnavailableError) {
      this.logger.error(error.message);
      return { status: 503, code: 'service-unavailable' };
    }
    // Fastify's own errors (malformed JSON, body too large) carry a statusCode.
    const fastifyStatus = (error as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        status: fastifyStatus,
        code: STATUS_CODES[fastifyStatus] ?? 'bad-request',
        original: (error as Error).message,
      };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { status: 500, code: 'internal-error' };
  }
}
