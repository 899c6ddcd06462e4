// lib/events/stream.ts against the real stack, through the front door (which proxies /socket.io
// with the websocket upgrade), with the real socket.io-client: the handshake goes over fetch
// polling carrying the Bearer header (the service-worker path), upgrades to websocket, and a
// comment posted by the writer bot reaches the reader bot's stream within 1 s, mapped to the task.
import { Fetch, NodeWebSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEffect, Invalidation, TabNotice } from '../../lib/events/invalidation';
import type { EventStream, EventStreamStatus } from '../../lib/events/stream';
import { createEventStream } from '../../lib/events/stream-run';
import { adminToken, stack, zou } from './stack';

interface Comment {
  id: string;
  text: string;
}

interface SocketRequest {
  method: string;
  transport: string | null;
  handshake: boolean;
  bearerMatches: boolean;
  credentials: RequestCredentials | undefined;
}

const listenerToken = stack.bots.reader.token;
const posterToken = stack.bots.writer.token;
const projectId = stack.production.id;

/** Every fetch the Fetch polling transport makes to /socket.io, without keeping the token. */
const socketRequests: SocketRequest[] = [];
const realFetch = globalThis.fetch;
function recordSocketFetches() {
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.startsWith('/socket.io')) {
      const headers = new Headers(init?.headers);
      socketRequests.push({
        method: init?.method ?? 'GET',
        transport: url.searchParams.get('transport'),
        handshake: !url.searchParams.has('sid'),
        bearerMatches: headers.get('authorization') === `Bearer ${listenerToken}`,
        credentials: init?.credentials,
      });
    }
    return realFetch(input, init);
  };
}

function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const value = check();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

describe('event stream through the front door', () => {
  let stream: EventStream;
  const statuses: EventStreamStatus[] = [];
  const applied: { at: number; invalidation: Invalidation; effect: EventEffect }[] = [];
  const notices: TabNotice[] = [];
  const logs: string[] = [];
  let taskId: string;
  let wipStatusId: string;
  let posted: Comment | undefined;

  beforeAll(async () => {
    const admin = await adminToken();
    const [tasks, statusList] = await Promise.all([
      zou<{ id: string; task_status_id: string }[]>(admin, 'GET', `/data/projects/${projectId}/tasks`),
      zou<{ id: string; short_name: string }[]>(admin, 'GET', '/data/task-status'),
    ]);
    const todo = statusList.body.find((status) => status.short_name === 'todo');
    wipStatusId = statusList.body.find((status) => status.short_name === 'wip')?.id as string;
    taskId = (tasks.body.find((task) => task.task_status_id === todo?.id) ?? tasks.body[0])?.id as string;
    expect(taskId).toBeTruthy();
    expect(wipStatusId).toBeTruthy();

    recordSocketFetches();
    stream = createEventStream({
      origin: stack.frontDoor,
      token: listenerToken,
      // Node 20 has no global WebSocket: same Fetch polling, the `ws`-based WebSocket transport.
      transports: [Fetch, NodeWebSocket],
      projectsInView: () => new Set([projectId]),
      onInvalidate: (invalidation, effect) => {
        applied.push({ at: Date.now(), invalidation, effect });
      },
      onNotice: (notice) => notices.push(notice),
      onGap: () => {},
      noticeDelayMs: 0,
      log: (message) => logs.push(message),
    });
    stream.subscribe((status) => statuses.push(status));
    stream.start();
    await waitFor('live over websocket', () => {
      const status = stream.status();
      return status.state === 'live' && status.transport === 'websocket' ? status : undefined;
    });
  });

  afterAll(async () => {
    stream?.stop();
    globalThis.fetch = realFetch;
    // Deleting the comment puts the task back to its previous status: the seed stays clean.
    if (posted) {
      const deleted = await zou(posterToken, 'DELETE', `/data/tasks/${taskId}/comments/${posted.id}`);
      expect([200, 204]).toContain(deleted.status);
    }
  });

  it('handshakes over fetch polling with the Bearer header and no cookies, then upgrades to websocket', () => {
    const handshakes = socketRequests.filter((request) => request.handshake && request.transport === 'polling');
    expect(handshakes.length).toBeGreaterThanOrEqual(1);
    for (const request of socketRequests.filter((item) => item.transport === 'polling')) {
      expect(request.bearerMatches).toBe(true);
      expect(request.credentials).toBe('omit');
    }
    expect(statuses.map((status) => status.state)).toContain('live');
    // (The upgrade may finish before or after socket.io's CONNECT ack: 'live' may start on either transport.)
    expect(stream.status()).toMatchObject({ origin: stack.frontDoor, state: 'live', transport: 'websocket' });
  });

  it("receives the writer's comment within 1 s and maps it to the task", async () => {
    const text = `Sidekick events contract ${Date.now()}`;
    const created = await zou<Comment>(posterToken, 'POST', `/actions/tasks/${taskId}/comment`, {
      task_status_id: wipStatusId,
      comment: text,
    });
    const postedAt = Date.now();
    expect(created.status).toBe(201);
    posted = created.body;
    const commentId = created.body.id;

    const hit = await waitFor(
      'comment:new',
      () =>
        applied.find(
          ({ effect }) => effect.name === 'comment:new' && effect.invalidation.tags.includes(`comment:${commentId}`),
        ),
      5_000,
    );
    expect(hit.at - postedAt).toBeLessThanOrEqual(1_000);
    expect(hit.effect).toMatchObject({ scope: 'project', projectId });
    expect(hit.invalidation.tags).toEqual(expect.arrayContaining([`task:${taskId}`, `comment:${commentId}`]));
    // The task lists are reached through the task's tag (only the one holding it is dropped), and named in the
    // notice; the event log (the human-decisions guard) gains the comment, so it is dropped whole.
    expect(hit.invalidation.kinds).toEqual(['open-tasks', 'event-log']);
    const notice = notices.find((item) => item.tags.includes(`comment:${commentId}`));
    expect(notice).toMatchObject({ projectId });
    expect(notice?.tags).toEqual(expect.arrayContaining([`task:${taskId}`, 'entities-with-tasks']));
    expect(stream.status().lastEventAt).toBeGreaterThanOrEqual(postedAt - 1_000);
    // Received over the upgraded socket.
    expect(stream.status().transport).toBe('websocket');
  });

  it('never exposes the token in statuses or logs', () => {
    const seen = JSON.stringify([statuses, logs, notices, applied]);
    expect(seen).not.toContain(listenerToken);
    expect(seen).not.toContain(posterToken);
  });

  it('stop() closes the connection', async () => {
    stream.stop();
    expect(stream.status()).toMatchObject({ state: 'off', reason: { code: 'stopped' } });
  });
});
