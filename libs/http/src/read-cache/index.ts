export { CacheableRead, READ_CACHE_ROUTE_FLAG } from './cacheable-read.decorator';
export { installReadCache, READ_CACHE_CONTROL, type ReadCacheOptions } from './read-cache.hooks';
export { ResponseStore } from './response-store';
export { etagOf, matchesIfNoneMatch } from './etag';
