import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createKitsuClient,
  describeKitsuError,
  KITSU_ERROR_KINDS,
  KitsuApiError,
  type KitsuErrorKind,
} from '../../lib/kitsu';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QifQ.TOKEN-SIGNATURE-must-not-leak';

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** One GET with no retries, answered by `reply`; resolves to what it threw. */
async function failWith(reply: Response | Error | 'hang'): Promise<KitsuApiError> {
  const fetch = async (_input: RequestInfo | URL, init: RequestInit = {}) => {
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (reply instanceof Error) throw reply;
    return reply;
  };
  const client = createKitsuClient({ origin: 'https://kitsu.test', token: TOKEN, fetch, maxRetries: 0, timeoutMs: 10 });
  const reason = await client.task('t1').then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
  expect(reason).toBeInstanceOf(KitsuApiError);
  return reason as KitsuApiError;
}

// Bodies as zou 1.0.97 and flask-jwt-extended send them.
const ZOU_ERRORS: [string, Response | Error | 'hang', KitsuErrorKind, number | undefined][] = [
  ['expired token', json({ error: true, message: 'Signature has expired' }, 401), 'auth-expired', 401],
  ['revoked token', json({ msg: 'Token has been revoked' }, 401), 'auth-revoked', 401],
  ['missing token', json({ msg: 'Missing JWT in cookies or headers' }, 401), 'auth', 401],
  ['malformed token', json({ msg: 'Not enough segments' }, 422), 'auth', 422],
  ['forged token', json({ msg: 'Signature verification failed' }, 422), 'auth', 422],
  [
    'permission',
    json({ error: true, message: "You don't have the permission to access the requested resource." }, 403),
    'permission',
    403,
  ],
  ['unknown id', json({ error: true, message: '404 Not Found: Task not found' }, 404), 'not-found', 404],
  ['method missing', json({ error: true, message: 'Method Not Allowed' }, 405), 'not-found', 405],
  [
    'validation',
    json({ error: true, message: 'Validation error.', data: { errors: [{ field: 'task_ids' }] } }, 400),
    'validation',
    400,
  ],
  ['assignee unknown', json({ error: "Assignee doesn't exist in database." }, 400), 'validation', 400],
  ['other 422', json({ error: true, message: 'Unprocessable' }, 422), 'validation', 422],
  ['conflict', json({ error: true, message: 'Wrong auth strategy' }, 409), 'conflict', 409],
  ['server', json({ error: true, message: 'Internal server error.' }, 500), 'server', 500],
  ['proxy page', new Response('<html>502 Bad Gateway</html>', { status: 502 }), 'server', 502],
  ['network', new TypeError('Failed to fetch'), 'network', undefined],
  ['timeout', 'hang', 'timeout', undefined],
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('error mapping from zou answers', () => {
  it.each(ZOU_ERRORS)('%s → kind %s', async (_name, reply, kind, status) => {
    const error = await failWith(reply);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.route).toBe('GET /data/tasks/:taskId');
  });

  it('keeps the server message for 4xx answers', async () => {
    const error = await failWith(json({ error: true, message: 'No more retakes allowed on this task' }, 400));
    expect(error.serverMessage).toBe('No more retakes allowed on this task');
    expect(describeKitsuError(error)).toBe('The request was refused as invalid: No more retakes allowed on this task');
  });

  it('covers every kind in the mapping table', () => {
    expect(new Set(ZOU_ERRORS.map(([, , kind]) => kind))).toEqual(
      new Set(KITSU_ERROR_KINDS.filter((kind) => kind !== 'bad-response')),
    );
  });
});

describe('describeKitsuError', () => {
  it('gives the supervisor the way out of an expired token', () => {
    const error = new KitsuApiError({ kind: 'auth-expired', route: 'GET /data/tasks/:taskId', status: 401 });
    expect(describeKitsuError(error)).toBe('The Kitsu token has expired: reconnect Sidekick in its settings.');
  });

  it('has a distinct sentence for every kind', () => {
    const sentences = KITSU_ERROR_KINDS.map((kind) => describeKitsuError(new KitsuApiError({ kind, route: 'GET /' })));
    expect(new Set(sentences).size).toBe(KITSU_ERROR_KINDS.length);
    for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z].*[.:a-z]$/);
  });

  it('names route and field for a bad response', () => {
    const error = new KitsuApiError({ kind: 'bad-response', route: 'GET /data/tasks/open-tasks', field: 'data[0].id' });
    expect(describeKitsuError(error)).toContain('GET /data/tasks/open-tasks');
    expect(describeKitsuError(error)).toContain('data[0].id');
  });

  it('does not echo foreign errors', () => {
    expect(describeKitsuError(new Error(`boom ${TOKEN}`))).toBe('Something went wrong while talking to Kitsu.');
    expect(describeKitsuError(new DOMException('x', 'AbortError'))).toBe('The request to Kitsu was cancelled.');
  });
});

describe('the token never leaks', () => {
  it('appears in no message, JSON, description or console output of any error kind', async () => {
    const logged: unknown[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(...args);
      });
    }
    const echoing = json({ error: true, message: `Bad Authorization header: Bearer ${TOKEN}` }, 422);
    const errors = await Promise.all([...ZOU_ERRORS.map(([, reply]) => reply), echoing].map(failWith));
    const bodies = [new Response(`{"id": "${TOKEN}"}`, { status: 200 }), json({ nope: TOKEN }, 200)];
    errors.push(...(await Promise.all(bodies.map(failWith))));
    expect(errors.map((error) => error.kind)).toContain('bad-response');

    for (const error of errors) {
      const surface = [
        error.message,
        String(error),
        error.stack,
        JSON.stringify(error),
        JSON.stringify({ ...error }),
        describeKitsuError(error),
        error.serverMessage,
      ].join('\n');
      expect(surface).not.toContain(TOKEN);
      expect(surface).not.toContain('TOKEN-SIGNATURE');
    }
    expect(JSON.stringify(logged)).not.toContain('TOKEN-SIGNATURE');
  });
});
