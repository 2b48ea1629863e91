/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie.
 * Writes carry the CSRF token of the current session (kept here after GET /session or a
 * sign-in), and errors become ApiError so forms can put `fields` under the right inputs.
 */

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
    /** The whole error body, for answers that carry more than fields (CSV row errors). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestOptions = {
  body?: unknown;
  /** A raw text body (CSV imports) instead of JSON. */
  text?: { body: string; contentType: string };
  ifMatch?: number | string;
  query?: Record<string, string | number | boolean | null | undefined>;
};

export type WithEtag<T> = { data: T; etag: string | null };

const BASE = '/api/v1';

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(v: unknown): v is { error: { code: string; message: string; fields?: FieldErrors } } {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

async function send(method: Method, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.text) headers['content-type'] = options.text.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) {
    const v = String(options.ifMatch);
    headers['if-match'] = v.startsWith('"') ? v : `"${v}"`;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.text ? options.text.body : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
  }
  if (response.ok) return response;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, for instance): fall through to a generic message.
  }
  if (isErrorBody(body)) throw new ApiError(response.status, body.error.code, body.error.message, body.error.fields ?? {}, body);
  throw new ApiError(response.status, 'http_' + response.status, `The server answered ${response.status} ${response.statusText}.`, {}, body);
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: async <T>(path: string, query?: RequestOptions['query']) => parse<T>(await send('GET', path, { query })),
  /** A single row with its ETag, for edits that send If-Match. */
  getWithEtag: async <T>(path: string): Promise<WithEtag<T>> => {
    const res = await send('GET', path);
    return { data: await parse<T>(res), etag: res.headers.get('etag') };
  },
  post: async <T>(path: string, body: unknown = {}, ifMatch?: number | string) => parse<T>(await send('POST', path, { body, ifMatch })),
  patch: async <T>(path: string, body: unknown, ifMatch?: number | string) => parse<T>(await send('PATCH', path, { body, ifMatch })),
  put: async <T>(path: string, body: unknown, ifMatch?: number | string) => parse<T>(await send('PUT', path, { body, ifMatch })),
  /** A text body such as a CSV file. */
  postText: async <T>(path: string, body: string, contentType: string) => parse<T>(await send('POST', path, { text: { body, contentType } })),
  delete: async <T = void>(path: string) => parse<T>(await send('DELETE', path)),
};

/** A sentence for people, whatever went wrong. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'precondition_failed') return 'Someone else changed this while you were editing. Reload to see their changes, then try again.';
    if (error.code === 'forbidden') return 'You do not have permission to do this.';
    if (error.code === 'not_found') return 'This could not be found. It may have been deleted, or you may not have access to it.';
    if (error.code === 'csrf_failed') return 'Your session has changed. Reload the page and try again.';
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export function fieldErrors(error: unknown): FieldErrors {
  return error instanceof ApiError ? error.fields : {};
}
