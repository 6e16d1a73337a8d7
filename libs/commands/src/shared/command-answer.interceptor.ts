import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';

/**
 * Gives every command answer its ETag, the stream revision it carries, so that a client can send
 * it back as If-Match. Registered ahead of the idempotency interceptor, so a replayed answer gets
 * the same tag as the first. The status is the route's own (201 for a POST, unless the route
 * says @HttpCode(200)); controllers only return values.
 */
@Injectable()
export class CommandAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const { method } = http.getRequest<FastifyRequest>();
    if (method === 'GET' || method === 'HEAD') return next.handle();
    return next.handle().pipe(
      map((answer: unknown) => {
        const revision = (answer as { revision?: unknown } | undefined)?.revision;
        if (typeof revision === 'number')
          void http.getResponse<FastifyReply>().header('etag', `"${revision}"`);
        return answer;
      }),
    );
  }
}
