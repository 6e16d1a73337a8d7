/**
 * The web app's only way to the service: same-origin fetch with the session cookie. Requests that
 * change something carry the CSRF token the API set in the dl_csrf cookie (contracts: sign-in).
 * A refusal becomes an ApiError carrying the API's own reason, shown next to the action.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)dl_csrf=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : undefined;
}

/**
 * The API's reason in a problem body (RFC 9457): each bad field's reason (each names its field),
 * else `detail`; `message` is what answers of older services carried.
 */
function reasonOf(body: unknown, fallback: string): string {
  if (body && typeof body === 'object') {
    const { detail, message, errors } = body as {
      detail?: unknown;
      message?: unknown;
      errors?: unknown;
    };
    if (Array.isArray(errors) && errors.length > 0)
      return errors
        .map((e: { field?: string; reason?: string }) =>
          e.field && !e.reason?.startsWith(e.field) ? `${e.field}: ${e.reason}` : e.reason,
        )
        .join('; ');
    if (typeof detail === 'string' && detail) return detail;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string' && message) return message;
  }
  return fallback;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = csrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', undefined);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  if (!response.ok)
    throw new ApiError(response.status, reasonOf(parsed, response.statusText), parsed);
  return parsed as T;
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const enc = encodeURIComponent;
