import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api';

export interface Loaded<T> {
  readonly data?: T;
  readonly error?: ApiError;
  readonly loading: boolean;
  /** Reads again; after a write, pass its log position so the answer includes it. */
  readonly reload: (waitFor?: string) => void;
}

/** GETs path (null: nothing yet) and reads it again whenever path changes or reload is called. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({
    loading: path !== null,
  });
  const [request, setRequest] = useState<{ waitFor?: string; n: number }>({ n: 0 });

  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    const url = request.waitFor
      ? `${path}${path.includes('?') ? '&' : '?'}waitFor=${request.waitFor}`
      : path;
    api<T>('GET', url)
      .then((data) => current && setState({ data, loading: false }))
      .catch((error: unknown) => {
        if (!current) return;
        setState({
          error: error instanceof ApiError ? error : new ApiError(0, String(error), undefined),
          loading: false,
        });
      });
    return () => {
      current = false;
    };
  }, [path, request]);

  const reload = useCallback(
    (waitFor?: string) => setRequest((r) => ({ waitFor, n: r.n + 1 })),
    [],
  );
  return { ...state, reload };
}
