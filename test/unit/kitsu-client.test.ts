import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKitsuClient, KitsuApiError, type KitsuClientOptions, type KitsuRequestEvent } from '../../lib/kitsu';
import { task as taskFixture } from '../../lib/plans/testing/fixtures';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.SIGNATURE-must-not-leak';
const ORIGIN = 'https://kitsu.example.test';

type Reply = Response | Error | ((init: RequestInit) => Promise<Response>);

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A fetch that answers from a queue and records every call. */
function fakeFetch(...replies: Reply[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    const reply = replies.shift();
    if (reply === undefined) throw new Error(`unexpected request ${String(input)}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(init) : reply;
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** A reply that only ends when the request is aborted. */
function hang(init: RequestInit): Promise<Response> {
  return new Promise((_, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}

function makeClient(fetch: typeof globalThis.fetch, options: Partial<KitsuClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = createKitsuClient({
    origin: ORIGIN,
    token: TOKEN,
    fetch,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { client, sleeps };
}

async function failureOf(promise: Promise<unknown>): Promise<KitsuApiError> {
  const reason = await promise.then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
  expect(reason).toBeInstanceOf(KitsuApiError);
  return reason as KitsuApiError;
}

const task = {
  ...taskFixture('t1', { project_id: 'p1', task_type_id: 'tt1', task_status_id: 'ts1', entity_id: 'e1' }),
  assignees: ['u1'],
  due_date: '2026-12-01T00:00:00',
  data: null,
};

const comment = {
  id: 'c1',
  object_id: 't1',
  text: 'Looks good',
  task_status_id: 'ts1',
  person_id: 'u1',
  created_at: '2026-11-02T10:00:00',
};

afterEach(() => {
  vi.useRealTimers();
});

describe('every request', () => {
  it('sends the bearer token, omits cookies, bypasses the HTTP cache and carries a signal', async () => {
    const { fetch, calls } = fakeFetch(json(task), json([comment], 201));
    const { client } = makeClient(fetch);
    await client.task('t1');
    await client.batchComment('p1', [{ task_id: 't1', task_status_id: 'ts1', comment: 'ok' }]);
    for (const { init } of calls) {
      expect(new Headers(init.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
      expect(init.credentials).toBe('omit');
      expect(init.cache).toBe('no-store');
      expect(init.signal).toBeInstanceOf(AbortSignal);
    }
    expect(calls[0]?.init.body).toBeUndefined();
    expect(new Headers(calls[1]?.init.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual([
      { object_id: 't1', task_status_id: 'ts1', comment: 'ok' },
    ]);
  });

  it('reports each real network request, retries included', async () => {
    const events: KitsuRequestEvent[] = [];
    const { fetch } = fakeFetch(json({}, 503), json(task));
    const { client } = makeClient(fetch, { onRequest: (event) => events.push(event) });
    await client.task('t1');
    expect(events).toEqual([
      { method: 'GET', route: 'GET /data/tasks/:taskId', attempt: 1 },
      { method: 'GET', route: 'GET /data/tasks/:taskId', attempt: 2 },
    ]);
  });

  it('refuses a non-http origin and an empty token', () => {
    const { fetch } = fakeFetch();
    expect(() => createKitsuClient({ origin: 'javascript:alert(1)', token: TOKEN, fetch })).toThrow(TypeError);
    expect(() => createKitsuClient({ origin: ORIGIN, token: '', fetch })).toThrow(TypeError);
  });
});

describe('URL building', () => {
  it('prefixes /api on the origin, fills and encodes path parameters', async () => {
    const { fetch, calls } = fakeFetch(json({ api: 'Zou', version: '1.0.97' }), json([]));
    const { client } = makeClient(fetch, { origin: `${ORIGIN}/some/page?x=1` });
    await client.version();
    await client.taskComments('a/b c');
    expect(calls.map((call) => call.url)).toEqual([`${ORIGIN}/api/`, `${ORIGIN}/api/data/tasks/a%2Fb%20c/comments`]);
  });

  it('refuses path parameters that would change the route', async () => {
    const { fetch, calls } = fakeFetch();
    const { client } = makeClient(fetch);
    await expect(client.task('..')).rejects.toThrow(RangeError);
    await expect(client.task('')).rejects.toThrow(RangeError);
    expect(calls).toHaveLength(0);
  });

  it('encodes open-task filters, joins person lists and leaves out unset ones', async () => {
    const page = {
      data: [],
      stats: { total: 0, total_duration: 0, total_estimation: 0, status: [] },
      limit: 5,
      page: 2,
      is_more: false,
    };
    const { fetch, calls } = fakeFetch(json(page), json(page));
    const { client } = makeClient(fetch);
    await client.openTasks({
      project_id: 'p 1&x=y',
      person_id: ['u1', 'u2'],
      due_date: '2026-12-01',
      page: 2,
      limit: 5,
    });
    await client.openTasks({ person_id: 'unassigned' });
    const first = new URL(calls[0]?.url ?? '');
    expect(first.pathname).toBe('/api/data/tasks/open-tasks');
    expect([...first.searchParams]).toEqual([
      ['project_id', 'p 1&x=y'],
      ['person_id', 'u1,u2'],
      ['due_date', '2026-12-01'],
      ['page', '2'],
      ['limit', '5'],
    ]);
    expect(calls[1]?.url).toBe(`${ORIGIN}/api/data/tasks/open-tasks?person_id=unassigned`);
  });

  it('builds the with-tasks list queries', async () => {
    const { fetch, calls } = fakeFetch(json([]), json([]));
    const { client } = makeClient(fetch);
    await client.shotsWithTasks('p1', { episodeId: 'ep1' });
    await client.assetsWithTasks('p1');
    expect(calls.map((call) => call.url)).toEqual([
      `${ORIGIN}/api/data/shots/with-tasks?project_id=p1&episode_id=ep1`,
      `${ORIGIN}/api/data/assets/with-tasks?project_id=p1`,
    ]);
  });
});

describe('retry policy', () => {
  it('retries a read on 503, 429 and network errors with growing, jittered delays', async () => {
    const { fetch, calls } = fakeFetch(json({}, 503), json({}, 429), new TypeError('Failed to fetch'), json(task));
    const { client, sleeps } = makeClient(fetch, { random: () => 1 });
    await expect(client.task('t1')).resolves.toMatchObject({ id: 't1' });
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([300, 600, 1200]);
  });

  it('applies jitter between half and all of the backoff ceiling', async () => {
    const { fetch } = fakeFetch(json({}, 500), json({}, 500), json(task));
    const { client, sleeps } = makeClient(fetch, { random: () => 0 });
    await client.task('t1');
    expect(sleeps).toEqual([150, 300]);
  });

  it('gives up after maxRetries and reports the last failure', async () => {
    const { fetch, calls } = fakeFetch(json({}, 502), json({}, 502), json({}, 503));
    const { client } = makeClient(fetch, { maxRetries: 2 });
    const error = await failureOf(client.task('t1'));
    expect(error).toMatchObject({ kind: 'server', status: 503 });
    expect(calls).toHaveLength(3);
  });

  it('never retries a write, whatever the failure', async () => {
    for (const reply of [json({}, 503), json({}, 429), new TypeError('Failed to fetch')]) {
      const { fetch, calls } = fakeFetch(reply, json(comment, 201));
      const { client, sleeps } = makeClient(fetch);
      await failureOf(client.commentTask('t1', { task_status_id: 'ts1', comment: 'x' }));
      expect(calls).toHaveLength(1);
      expect(sleeps).toEqual([]);
    }
  });

  it('never retries a 4xx', async () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      const { fetch, calls } = fakeFetch(json({ error: true, message: 'no' }, status), json(task));
      const { client } = makeClient(fetch);
      await failureOf(client.task('t1'));
      expect(calls).toHaveLength(1);
    }
  });
});

describe('timeouts and cancellation', () => {
  it('turns a request slower than timeoutMs into a timeout error, then retries reads', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeFetch(hang, json(task));
    const { client } = makeClient(fetch, { timeoutMs: 1000 });
    const pending = client.task('t1');
    await vi.advanceTimersByTimeAsync(1000);
    await expect(pending).resolves.toMatchObject({ id: 't1' });
    expect(calls[0]?.init.signal?.aborted).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('reports kind timeout when retries are exhausted', async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(hang);
    const { client } = makeClient(fetch, { timeoutMs: 50, maxRetries: 0 });
    const pending = failureOf(client.task('t1'));
    await vi.advanceTimersByTimeAsync(50);
    expect(await pending).toMatchObject({ kind: 'timeout', route: 'GET /data/tasks/:taskId' });
  });

  it('rejects with the caller signal reason when the caller aborts, without retrying', async () => {
    const { fetch, calls } = fakeFetch(hang, json(task));
    const { client } = makeClient(fetch);
    const controller = new AbortController();
    const pending = client.task('t1', { signal: controller.signal });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    controller.abort(new DOMException('user left', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'user left' });
    expect(calls).toHaveLength(1);
    // Already cancelled: nothing is sent.
    await expect(client.task('t1', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });
});

describe('schemas', () => {
  it('tolerates unknown fields and strips them from the result', async () => {
    const { fetch } = fakeFetch(json({ ...task, brand_new_zou_field: { nested: true } }));
    const { client } = makeClient(fetch);
    const parsed = await client.task('t1');
    expect(parsed.id).toBe('t1');
    expect(parsed).not.toHaveProperty('brand_new_zou_field');
  });

  it('names the route and the field path when a required field is missing', async () => {
    const page = {
      data: [
        {
          ...task,
          project_name: 'P',
          entity_name: 'SH010',
          entity_type_name: 'Shot',
          sequence_name: 'SQ1',
          episode_id: '',
          type_name: 'Anim',
          status_name: 'WIP',
          status_short_name: 'wip',
        },
      ],
      stats: { total: 1, total_duration: null, total_estimation: null, status: [] },
      limit: 100,
      page: 1,
      is_more: false,
    };
    const { task_status_id: _dropped, ...broken } = page.data[0] ?? {};
    const { fetch } = fakeFetch(json(page), json({ ...page, data: [broken] }));
    const { client } = makeClient(fetch);
    await expect(client.openTasks()).resolves.toMatchObject({ stats: { total_duration: null } });
    const error = await failureOf(client.openTasks());
    expect(error).toMatchObject({
      kind: 'bad-response',
      route: 'GET /data/tasks/open-tasks',
      field: 'data[0].task_status_id',
    });
    expect(error.message).toContain('data[0].task_status_id');
  });

  it('reads again a success whose body is not JSON (garbled on the way), then reports it as bad-response', async () => {
    const garbled = () => new Response('{"data": [tru', { status: 200 });
    const once = fakeFetch(garbled(), json([]));
    await expect(makeClient(once.fetch).client.openProjects()).resolves.toEqual([]);
    expect(once.calls).toHaveLength(2);
    const always = fakeFetch(garbled(), garbled(), garbled(), garbled());
    expect(await failureOf(makeClient(always.fetch).client.openProjects())).toMatchObject({
      kind: 'bad-response',
      route: 'GET /data/projects/open',
    });
    expect(always.calls).toHaveLength(4);
  });

  it('never reads again an answer that does not match its schema: zou would send the same', async () => {
    const { fetch, calls } = fakeFetch(json({ id: 't1' }), json(task));
    await failureOf(makeClient(fetch).client.task('t1'));
    expect(calls).toHaveLength(1);
  });
});

describe('write methods', () => {
  it('sends each write to its route with its body', async () => {
    const { fetch, calls } = fakeFetch(
      json({ ...comment, task_status: { id: 'ts1', name: 'WIP', short_name: 'wip', color: '#fff' } }, 201),
      json([task]),
      json(['t1']),
      json(['t1']),
      json([task]),
      json(task),
      new Response(null, { status: 204 }),
    );
    const { client } = makeClient(fetch);
    await client.commentTask('t1', { task_status_id: 'ts1', comment: 'hi', links: ['https://x'] });
    await client.assignTasks('u1', ['t1']);
    await client.clearAssignation(['t1']);
    await client.clearAssignation(['t1'], 'u1');
    await client.setPriority(['t1'], 2);
    await client.updateTask('t1', { due_date: null, estimation: 120 });
    await expect(client.deleteComment('t1', 'c1')).resolves.toBeUndefined();
    expect(
      calls.map(({ url, init }) => [
        init.method,
        url.replace(`${ORIGIN}/api`, ''),
        init.body === undefined ? undefined : JSON.parse(String(init.body)),
      ]),
    ).toEqual([
      ['POST', '/actions/tasks/t1/comment', { task_status_id: 'ts1', comment: 'hi', links: ['https://x'] }],
      ['PUT', '/actions/persons/u1/assign', { task_ids: ['t1'] }],
      ['PUT', '/actions/tasks/clear-assignation', { task_ids: ['t1'] }],
      ['PUT', '/actions/tasks/clear-assignation', { task_ids: ['t1'], person_id: 'u1' }],
      ['PUT', '/actions/tasks/set-priority', { task_ids: ['t1'], priority: 2 }],
      ['PUT', '/data/tasks/t1', { due_date: null, estimation: 120 }],
      ['DELETE', '/data/tasks/t1/comments/c1', undefined],
    ]);
  });

  it('refuses to send a task field outside the supervisor set, such as a status', async () => {
    const { fetch, calls } = fakeFetch(json(task));
    const { client } = makeClient(fetch);
    const fields = { task_status_id: 'done' } as unknown as Parameters<typeof client.updateTask>[1];
    expect(await failureOf(client.updateTask('t1', fields))).toMatchObject({ kind: 'validation' });
    expect(calls).toHaveLength(0);
  });
});
