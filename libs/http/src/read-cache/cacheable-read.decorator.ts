import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

/** The Fastify route config flag the read cache looks for (see installReadCache). */
export const READ_CACHE_ROUTE_FLAG = 'readCache';

/**
 * Marks a GET whose answer depends only on the URL, the Accept header, the caller's claims, the
 * read models and the clock: the read cache may answer it again until one of those changes.
 * Also documents the validators in the OpenAPI document.
 */
export const CacheableRead = (): MethodDecorator =>
  applyDecorators(
    RouteConfig({ [READ_CACHE_ROUTE_FLAG]: true }),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The ETag of an answer already held: 304 while it is still the answer',
    }),
    ApiResponse({
      status: 304,
      description:
        'Not modified: If-None-Match named the current ETag. Answers carry ETag and Cache-Control: private, no-cache (keep, but revalidate before use)',
    }),
  );
