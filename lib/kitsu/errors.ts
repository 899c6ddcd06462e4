// Every failure of a Kitsu call becomes one KitsuApiError whose `kind` tells
// the caller what to do next (reconnect, retry, give up, report a bug).

import { t } from '../i18n/pure';

export const KITSU_ERROR_KINDS = [
  'auth-expired',
  'auth-revoked',
  'auth',
  'permission',
  'not-found',
  'validation',
  'conflict',
  'server',
  'network',
  'timeout',
  'bad-response',
] as const;

export type KitsuErrorKind = (typeof KITSU_ERROR_KINDS)[number];

export interface KitsuApiErrorInit {
  kind: KitsuErrorKind;
  /** Method + path template ("GET /data/tasks/:id"): never a full URL, never a token. */
  route: string;
  status?: number;
  serverMessage?: string;
  /** For 'bad-response': the path of the first field that failed our schema. */
  field?: string;
}

export class KitsuApiError extends Error {
  override readonly name = 'KitsuApiError';
  readonly kind: KitsuErrorKind;
  readonly route: string;
  readonly status?: number;
  readonly serverMessage?: string;
  readonly field?: string;

  constructor(init: KitsuApiErrorInit) {
    super(technicalMessage(init));
    this.kind = init.kind;
    this.route = init.route;
    this.status = init.status;
    this.serverMessage = init.serverMessage;
    this.field = init.field;
  }

  /** Errors cross the extension's message channel as JSON; Error fields are not enumerable. */
  toJSON(): KitsuApiErrorInit & { name: string; message: string } {
    return {
      name: this.name,
      message: this.message,
      kind: this.kind,
      route: this.route,
      status: this.status,
      serverMessage: this.serverMessage,
      field: this.field,
    };
  }
}

export function isKitsuApiError(value: unknown): value is KitsuApiError {
  return value instanceof KitsuApiError;
}

/** A failure that may pass if the same request is sent again: Kitsu overloaded (429, 5xx) or the link. */
export function mayPass(error: unknown): boolean {
  return isKitsuApiError(error) && (error.kind === 'server' || error.kind === 'network' || error.kind === 'timeout');
}

function technicalMessage({ kind, route, status, serverMessage, field }: KitsuApiErrorInit): string {
  const parts = [`${route}: ${kind}`];
  if (status !== undefined) parts.push(`HTTP ${status}`);
  if (field !== undefined) parts.push(`field "${field}"`);
  if (serverMessage) parts.push(serverMessage);
  return parts.join(', ');
}

// zou's own handlers answer {error: true, message}; flask-jwt-extended answers
// {msg}; a few zou routes answer {error: "<text>"}.
interface ErrorBody {
  message?: string;
  jwtMessage?: string;
}

const MAX_SERVER_MESSAGE_LENGTH = 300;

function readErrorBody(body: unknown): ErrorBody {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const jwtMessage = typeof record.msg === 'string' ? record.msg : undefined;
  const message =
    typeof record.message === 'string' ? record.message : typeof record.error === 'string' ? record.error : jwtMessage;
  return { message, jwtMessage };
}

/**
 * Maps an HTTP error answer to a KitsuApiError. `secret` is scrubbed from the
 * server message in case a proxy or a future zou echoes the Authorization header.
 */
export function errorFromResponse(route: string, status: number, body: unknown, secret: string): KitsuApiError {
  const { message, jwtMessage } = readErrorBody(body);
  const serverMessage = message
    ? message.split(secret).join('[redacted]').slice(0, MAX_SERVER_MESSAGE_LENGTH)
    : undefined;
  return new KitsuApiError({ kind: kindForStatus(status, message, jwtMessage), route, status, serverMessage });
}

function kindForStatus(status: number, message: string | undefined, jwtMessage: string | undefined): KitsuErrorKind {
  // gazu keys its refresh on this exact text, on 401 or 422 alike.
  if ((status === 401 || status === 422) && message === 'Signature has expired') return 'auth-expired';
  if (status === 401) return message === 'Token has been revoked' ? 'auth-revoked' : 'auth';
  // flask-jwt-extended reports undecodable tokens ("Not enough segments",
  // "Signature verification failed"...) as 422 {msg}; zou's own 422s use `message`.
  if (status === 422) return jwtMessage !== undefined ? 'auth' : 'validation';
  if (status === 403) return 'permission';
  // 405: the route exists with another method only, i.e. this zou does not have ours.
  if (status === 404 || status === 405) return 'not-found';
  if (status === 409) return 'conflict';
  // 429 is grouped with 5xx: both mean "Kitsu cannot serve this now, try later".
  if (status === 429 || status >= 500) return 'server';
  return 'validation';
}

/** A plain sentence for a supervisor; never contains the token or a URL with query values. */
export function describeKitsuError(error: unknown): string {
  if (!isKitsuApiError(error)) {
    if (error instanceof Error && error.name === 'AbortError') return t('errorKitsuCancelled');
    return t('errorKitsuUnknown');
  }
  const detail = error.serverMessage;
  switch (error.kind) {
    case 'auth-expired':
      return t('errorKitsuTokenExpired');
    case 'auth-revoked':
      return t('errorKitsuTokenRevoked');
    case 'auth':
      return t('errorKitsuTokenRefused');
    case 'permission':
      return t('errorKitsuPermission');
    case 'not-found':
      return t('errorKitsuNotFound');
    case 'validation':
      return detail ? t('errorKitsuInvalidSaid', { detail }) : t('errorKitsuInvalid');
    case 'conflict':
      return detail ? t('errorKitsuConflictSaid', { detail }) : t('errorKitsuConflict');
    case 'server':
      return error.status === 429
        ? t('errorKitsuTooManyRequests')
        : t('errorKitsuServer', { status: String(error.status ?? '5xx') });
    case 'network':
      return t('errorKitsuNetwork');
    case 'timeout':
      return t('errorKitsuTimeout');
    case 'bad-response':
      return error.field
        ? t('errorKitsuBadResponseField', { route: error.route, field: error.field })
        : t('errorKitsuBadResponse', { route: error.route });
  }
}
