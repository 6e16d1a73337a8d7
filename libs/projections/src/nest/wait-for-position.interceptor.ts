import {
  BadRequestException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, switchMap, type Observable } from 'rxjs';
import { formatPosition, parsePosition } from '@duty-ledger/event-store';
import { ProjectionRunner } from '../runner/projection-runner';
import {
  DEFAULT_WAIT_FOR_TIMEOUT_MS,
  PROJECTIONS_CONFIG,
  type ProjectionsConfig,
} from './projections.config';

/**
 * Read-your-writes: `?waitFor=<position>` (the position a command answered with) holds the
 * request until every read model has applied the log up to it. If that takes longer than the
 * configured timeout the answer is 503 with Retry-After, never a silently stale read.
 */
@Injectable()
export class WaitForPositionInterceptor implements NestInterceptor {
  private readonly timeoutMs: number;

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(PROJECTIONS_CONFIG) config: ProjectionsConfig,
  ) {
    this.timeoutMs = config.waitForTimeoutMs ?? DEFAULT_WAIT_FOR_TIMEOUT_MS;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const raw = (http.getRequest<FastifyRequest>().query as Record<string, unknown> | undefined)
      ?.waitFor;
    if (raw === undefined) return next.handle();
    const position = typeof raw === 'string' ? parsePosition(raw) : undefined;
    if (!position) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'waitFor: must be a log position such as 1234',
      });
    }
    return from(this.runner.waitForPosition(position, this.timeoutMs)).pipe(
      switchMap((projected) => {
        if (!projected) {
          void http.getResponse<FastifyReply>().header('retry-after', '1');
          throw new ServiceUnavailableException({
            statusCode: 503,
            error: 'Service Unavailable',
            message: `The read models have not reached position ${formatPosition(position)} within ${this.timeoutMs} ms; retry`,
          });
        }
        return next.handle();
      }),
    );
  }
}
