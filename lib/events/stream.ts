/**
 * One live event connection to one Kitsu host (zou's socket.io stream, namespace `/events`).
 *
 * Auth: zou checks the JWT once, when a client connects, from the handshake request's cookie or
 * `Authorization: Bearer` header (zou 1.0.97 also reads `{token}` from socket.io's auth payload).
 * A browser WebSocket cannot send headers, so the connection starts with HTTP long-polling over
 * `fetch()` (engine.io-client's `Fetch` transport; the default polling transport of the browser
 * build is XMLHttpRequest, which a service worker does not have), sending `extraHeaders`, with
 * `credentials: 'omit'` (a stale Kitsu cookie would win over the header). It then upgrades to a
 * WebSocket: Flask-SocketIO keeps the handshake's session, so the upgraded socket stays
 * authenticated. WebSocket traffic (zou pings every 25 s) keeps a Chrome 116+ service worker alive.
 *
 * zou 1.0.97 accepts a connection even with a bad token (its error handler swallows the refusal),
 * so 'live' does not prove the token is valid: REST says that.
 *
 * Reconnection is ours (socket.io's is off): exponential backoff with jitter, a fresh handshake
 * (with the current token) per attempt, 'off' when the host has no event stream (HTTP 4xx on the
 * handshake, or a refusal), with a slow retry while started. After a reconnect, `onGap(since)`.
 */
import { Fetch, io as socketIo, WebSocket as WebSocketTransport } from 'socket.io-client';
import type { EventEffect, Invalidation, TabNotice } from './invalidation';

export type EventStreamState = 'connecting' | 'live' | 'reconnecting' | 'off';

/** Why the stream is not live; never holds the token. */
export type EventStreamReasonCode =
  | 'stopped' // start() not called, or stop()
  | 'no-token' // the token getter gave nothing
  | 'unavailable' // the host answered the handshake with an HTTP error (no socket.io there)
  | 'refused' // the server refused the connection (message in `detail`)
  | 'network' // transport error, timeout, server gone: retried with backoff
  | 'disconnected'; // a live connection closed: retried with backoff

export interface EventStreamReason {
  code: EventStreamReasonCode;
  detail?: string;
}

export interface EventStreamStatus {
  origin: string;
  state: EventStreamState;
  /** When the state last changed (ms since epoch). */
  since: number;
  /** Last event received from the host, whether used or not. */
  lastEventAt: number | null;
  /** 'polling' until the upgrade, then 'websocket'. */
  transport: string | null;
  /** Failed attempts since the last successful connection. */
  attempt: number;
  nextRetryAt: number | null;
  reason: EventStreamReason | null;
}

export interface BackoffOptions {
  /** First delay (ms). */
  baseMs: number;
  factor: number;
  /** Upper bound of any delay (ms). */
  maxMs: number;
  /** 0..1: a delay is drawn in [d·(1-jitter), d] so clients do not retry in step. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, factor: 2, maxMs: 60_000, jitter: 0.5 };

/** Delay before reconnect attempt `attempt` (1-based); `random` in [0, 1). Pure. */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random()) {
  const exponent = Math.max(0, attempt - 1);
  const raw = Math.min(options.maxMs, options.baseMs * options.factor ** exponent);
  const jitter = Math.min(1, Math.max(0, options.jitter));
  return Math.round(raw * (1 - jitter * Math.min(1, Math.max(0, random))));
}

/** The part of a socket.io-client Socket this module uses (a fake in unit tests). */
export interface EventSocket {
  on(event: string, listener: (...args: never[]) => void): unknown;
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
  disconnect(): unknown;
  /** The Manager; its engine tells the transport in use. */
  readonly io?: {
    engine?: {
      transport?: { name?: string };
      on?(event: 'upgrade', listener: (transport: { name?: string }) => void): unknown;
    } | null;
  };
}

/** Options given to the `io` factory (a subset of socket.io-client's ManagerOptions & SocketOptions). */
export interface EventSocketOptions {
  path: string;
  transports: unknown[];
  extraHeaders: Record<string, string>;
  auth: { token: string };
  withCredentials: false;
  reconnection: false;
  forceNew: true;
  timeout: number;
}

export type IoFactory = (uri: string, options: EventSocketOptions) => EventSocket;

/** socket.io-client's `io`, forced to the fetch polling transport then the (browser) WebSocket. */
export const defaultIo: IoFactory = (uri, options) =>
  socketIo(uri, options as unknown as Parameters<typeof socketIo>[1]) as unknown as EventSocket;

/** Fetch polling (sends headers, exists in service workers) first, then upgrade to WebSocket. */
export const DEFAULT_TRANSPORTS: unknown[] = [Fetch, WebSocketTransport];

export type MaybePromise<T> = T | Promise<T>;

export interface EventStreamOptions {
  /** Kitsu origin, e.g. 'https://kitsu.studio.example' (the front door proxying /socket.io). */
  origin: string;
  /** The access token, or a getter called before each handshake (a rotated token is picked up). */
  token: string | (() => MaybePromise<string | null | undefined>);
  /** Productions shown in this host's tabs, read on each event (must be cheap, no I/O). */
  projectsInView: () => ReadonlySet<string>;
  onInvalidate: (invalidation: Invalidation, effect: EventEffect) => MaybePromise<void>;
  onNotice: (notice: TabNotice) => void;
  /** True when the event's effect is kept by someone to apply later (Sidekick's own running job): not applied now. */
  hold?: (effect: EventEffect) => boolean;
  /** After a reconnect: events since `sinceMs` (epoch ms, when the connection was lost) may be missed. */
  onGap: (sinceMs: number) => MaybePromise<void>;
  io?: IoFactory;
  /** Transport classes for engine.io-client (Node tests pass NodeWebSocket: Node 20 has no WebSocket). */
  transports?: unknown[];
  backoff?: Partial<BackoffOptions>;
  /** Retry delay while 'off' (the host had no event stream or refused us). */
  offRetryMs?: number;
  /** Handshake timeout (ms). */
  connectTimeoutMs?: number;
  /** Notices of a burst (bulk edits emit one event per task) are merged over this window; 0 = each. */
  noticeDelayMs?: number;
  /** A gap start already known (e.g. persisted when the worker stopped), reported on first connect. */
  gapSince?: number;
  /** Diagnostics; messages never contain the token. */
  log?: (message: string) => void;
  now?: () => number;
  random?: () => number;
}

export interface EventStream {
  readonly origin: string;
  /** Connect (no-op when already started). */
  start(): void;
  /** Disconnect and cancel retries; pending notices are delivered first. */
  stop(): void;
  status(): EventStreamStatus;
  /** Called with the status on each change (and after bursts of events, for lastEventAt). */
  subscribe(listener: (status: EventStreamStatus) => void): () => void;
}

export const NAMESPACE = '/events';
export const SOCKET_PATH = '/socket.io';

/** HTTP statuses of a handshake meaning "no usable event stream here", not "try again soon". */
const UNAVAILABLE_STATUSES = new Set([400, 401, 403, 404, 405, 410, 501]);

/**
 * What a failed handshake means. 'unavailable': the host answered with an HTTP error, or with
 * something that is not engine.io (a web app's index.html): no event stream there. 'refused': the
 * socket.io server sent CONNECT_ERROR (a token it does not accept). 'network': anything else
 * (unreachable, 5xx, timeout), worth retrying soon.
 */
export function classify(error: unknown): 'unavailable' | 'refused' | 'network' {
  if (typeof error !== 'object' || error === null) return 'network';
  const { description, code } = error as { description?: unknown; code?: unknown };
  if (typeof description === 'number' && UNAVAILABLE_STATUSES.has(description)) return 'unavailable';
  if (code === 'parser error') return 'unavailable';
  // socket.io-client builds the CONNECT_ERROR error as `new Error(message)` + own `data`.
  if (error instanceof Error && Object.hasOwn(error, 'data')) return 'refused';
  return 'network';
}
