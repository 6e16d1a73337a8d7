import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import type { Principal } from '@duty-ledger/auth';

/**
 * Runs after the auth guard: from here on every line logged for the request, including fastify's
 * closing "request completed" line, names who acted (id, role, unit), never their credentials.
 */
@Injectable()
export class RequestActorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { principal?: Principal }>();
    const principal = request.principal;
    if (principal && request.log) {
      const log = request.log.child({
        actor: { id: principal.sub, role: principal.role, unit: principal.unit },
      });
      request.log = log;
      http.getResponse<FastifyReply>().log = log;
    }
    return next.handle();
  }
}
