import type { FastifyInstance } from 'fastify';
import type { ServiceMetrics } from '../service-metrics';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function outcomeOf(status: number): 'accepted' | 'rejected' | 'failed' {
  if (status >= 500) return 'failed';
  return status >= 400 ? 'rejected' : 'accepted';
}

/**
 * Counts every answer in fastify's onResponse hook, so answers sent from earlier hooks (the read
 * cache, the auth refusals) are counted too. Routes are labelled by their pattern
 * (`/targets/:targetId`), never by the raw URL, so a caller cannot blow up the label set; an
 * unmatched URL counts as `(unmatched)`. A write (any method but GET/HEAD/OPTIONS) is a command.
 */
export function installHttpMetrics(fastify: FastifyInstance, metrics: ServiceMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? '(unmatched)';
    const status = reply.statusCode;
    metrics.httpRequests.inc({ method: request.method, route, status: String(status) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    if (!READ_METHODS.has(request.method)) {
      metrics.commands.inc({ command: `${request.method} ${route}`, outcome: outcomeOf(status) });
    }
    const cache = reply.getHeader('x-read-cache');
    if (cache === 'hit' || cache === 'miss') metrics.readCache.inc({ result: cache });
    done();
  });
}
