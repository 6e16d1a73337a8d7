import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { repoRoot } from './report';

/**
 * Starts a compiled bench file (path relative to dist/, e.g. 'bench/append-worker.js') in a worker
 * thread through scripts/run.js, so the @duty-ledger/* aliases resolve in the worker as well.
 */
export function startWorker(entry: string, workerData: unknown): Worker {
  return new Worker(join(repoRoot(), 'scripts', 'run.js'), { argv: [entry], workerData });
}

/** Resolves with the first message of the given kind; rejects on error or early exit. */
export function nextMessage<T>(worker: Worker, kind: string, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`worker sent no '${kind}' within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: { kind: string } & T) => {
      if (message.kind !== kind) return;
      cleanup();
      resolve(message);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`worker exited with code ${code} before sending '${kind}'`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
