// The one function that performs HTTP calls to zou: URL building, headers,
// timeout, retries and the mapping of every failure to a KitsuApiError.
import type { z } from 'zod';
import { errorFromResponse, KitsuApiError, mayPass } from './errors';
import { DEFAULT_PAUSE_MS, isOverloaded, type Pacer, retryAfterMs } from './pacing';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** Reported before every real network request, retries included. */
export interface KitsuRequestEvent {
  method: HttpMethod;
  route: string;
  /** 1 for the first try, 2 for the first retry... */
  attempt: number;
}

export interface HttpConfig {
  origin: string;
  token: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  maxRetries: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  onRequest?: (event: KitsuRequestEvent) => void;
  /** The host's pacing (requests in flight, pauses asked by 429/503); none: unpaced. */
  pacer?: Pacer;
  now?: () => number;
}

export interface RequestSpec<S extends z.ZodType> {
  method: HttpMethod;
  /** Path template under /api, e.g. "/data/tasks/:id"; it names the route in errors. */
  path: string;
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
  /** JSON-encoded, except FormData (multipart uploads), which is sent as it is. */
  body?: unknown;
  schema: S;
  signal?: AbortSignal;
  /** Instead of the client's timeout: uploads take as long as their file needs. */
  timeoutMs?: number;
}

const BASE_DELAY_MS = 300;
const MAX_DELAY_MS = 5000;

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of many tabs spread out. */
export function backoffDelay(retry: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function buildUrl(
  apiBase: string,
  path: string,
  params: Record<string, string> = {},
  query: Record<string, QueryValue> = {},
): string {
  const filledPath = path.replace(/:([a-zA-Z_]+)/g, (_, name: string) => {
    const value = params[name];
    // "." and ".." would be resolved as dot-segments and silently change the route.
    if (value === undefined || value === '' || value === '.' || value === '..') {
      throw new RangeError(`Invalid path parameter "${name}" for ${path}`);
    }
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    // zou reads list filters (person_id...) as comma-separated values.
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const queryString = search.toString();
  return `${apiBase}${filledPath}${queryString ? `?${queryString}` : ''}`;
}

/** What a success whose body is not JSON says: garbled on the way (a proxy, a cut stream), not zou's answer. */
const NOT_JSON = 'not JSON';

/**
 * Only reads are replayed: a write that timed out may still have been applied by zou. A read whose success
 * body is not JSON is too; one that does not match its schema is not (zou would answer the same again).
 */
function isRetryable(method: HttpMethod, error: KitsuApiError): boolean {
  const garbled = error.kind === 'bad-response' && error.serverMessage === NOT_JSON;
  return method === 'GET' && (mayPass(error) || garbled);
}

export function createHttp(config: HttpConfig) {
  const apiBase = `${config.origin}/api`;

  async function attempt(spec: RequestSpec<z.ZodType>, route: string, url: string): Promise<unknown> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, spec.timeoutMs ?? config.timeoutMs);
    const forwardAbort = () => controller.abort(spec.signal?.reason);
    spec.signal?.addEventListener('abort', forwardAbort, { once: true });

    let response: Response;
    let text: string;
    try {
      const headers: Record<string, string> = { Authorization: `Bearer ${config.token}`, Accept: 'application/json' };
      const multipart = spec.body instanceof FormData;
      if (spec.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
      response = await config.fetch(url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : multipart ? (spec.body as FormData) : JSON.stringify(spec.body),
        // zou reads the JWT cookie before the header: a stale Kitsu cookie would win over our token.
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
      // The timeout covers the body too: a stalled stream must not hang the worker.
      text = await response.text();
    } catch {
      // The original error is dropped on purpose: it may carry the request (and its headers).
      if (spec.signal?.aborted) throw spec.signal.reason;
      throw new KitsuApiError({ kind: timedOut ? 'timeout' : 'network', route });
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', forwardAbort);
    }

    if (isOverloaded(response.status)) {
      const now = config.now?.() ?? Date.now();
      config.pacer?.pause(retryAfterMs(response.headers.get('retry-after'), now) ?? DEFAULT_PAUSE_MS);
    }
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      if (!response.ok) throw errorFromResponse(route, response.status, undefined, config.token);
      throw new KitsuApiError({ kind: 'bad-response', route, status: response.status, serverMessage: NOT_JSON });
    }
    if (!response.ok) throw errorFromResponse(route, response.status, body, config.token);

    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new KitsuApiError({
        kind: 'bad-response',
        route,
        status: response.status,
        field: issue ? formatPath(issue.path) : undefined,
        serverMessage: issue?.message,
      });
    }
    return parsed.data;
  }

  /**
   * Performs one API call. An aborted external signal rejects with the
   * signal's reason (not a KitsuApiError): cancelling is not a Kitsu failure.
   */
  async function request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.infer<S>> {
    const route = `${spec.method} ${spec.path}`;
    const url = buildUrl(apiBase, spec.path, spec.params, spec.query);
    for (let tryNumber = 1; ; tryNumber++) {
      spec.signal?.throwIfAborted();
      const release = await config.pacer?.acquire(spec.signal);
      config.onRequest?.({ method: spec.method, route, attempt: tryNumber });
      try {
        // Cancelled while waiting for its turn: nothing is sent.
        spec.signal?.throwIfAborted();
        return (await attempt(spec, route, url)) as z.infer<S>;
      } catch (error) {
        release?.();
        const retry =
          error instanceof KitsuApiError && isRetryable(spec.method, error) && tryNumber <= config.maxRetries;
        if (!retry) throw error;
        await config.sleep(backoffDelay(tryNumber, config.random), spec.signal);
      } finally {
        release?.();
      }
    }
  }

  return { request };
}

/** ["data", 3, "task_status_id"] → "data[3].task_status_id" */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
