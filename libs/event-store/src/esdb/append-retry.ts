import { isTransientError } from './error-translation';

export interface AppendRetryPolicy {
  /** How many times an append is sent again after a transient failure. */
  readonly retries: number;
  /** Wait before the first retry; doubles for each further one. */
  readonly delayMs: number;
}

/**
 * Sends an append again after a transient failure (see TRANSIENT_FAILURES), a bounded number of
 * times. The caller fixes the event ids and the expected revision before the first attempt, so a
 * retry of a write that did land (a timeout hides whether it did) is answered by the server's
 * idempotency with the original's result. This is also what a retry racing the original gets on a
 * real node once the original is indexed: before that the node drops the duplicate and the client
 * sees a timeout (IdempotentNotReady).
 */
export async function withAppendRetries<T>(
  send: () => Promise<T>,
  policy: AppendRetryPolicy,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= policy.retries || !isTransientError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, policy.delayMs * 2 ** attempt));
    }
  }
}
