/** An answer of the full pipeline, kept to be answered again. */
export interface CachedResponse {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
  /** The read models' generation the request began at (see ReadCacheOptions.generation). */
  readonly generation: number;
  /** Clock ms after which it is no longer answered; undefined for answers fixed by an asOf. */
  readonly expiresAtMs: number | undefined;
}
