import { RouteConfig } from '@nestjs/platform-fastify';

/** The Fastify route config flag the read cache looks for (see installReadCache). */
export const READ_CACHE_ROUTE_FLAG = 'readCache';

/**
 * Marks a GET whose answer depends only on the URL, the Accept header, the caller's claims, the
 * read models and the clock: the read cache may answer it again until one of those changes.
 */
export const CacheableRead = (): MethodDecorator => RouteConfig({ [READ_CACHE_ROUTE_FLAG]: true });
