// The event log read: the query zou is sent, and paging that keeps every event of a second split
// across two pages. zou's side is played by a fetch that filters a list as zou does (newest first,
// `after`/`before` exclusive, at most `limit`).
import { describe, expect, it } from 'vitest';
import {
  createKitsuClient,
  type EventLogEntry,
  KitsuApiError,
  readEventLogSince,
  readEventLogUpdate,
} from '../../lib/kitsu';

const ORIGIN = 'https://kitsu.example.test';

const event = (id: string, createdAt: string, name = 'task:update'): EventLogEntry => ({
  id,
  created_at: createdAt,
  name,
  user_id: 'person-1',
  project_id: 'project-1',
  data: { task_id: `task-${id}` },
});

/** A zou event log over `events`, recording the query strings it was sent. */
function zouLog(events: EventLogEntry[]) {
  const queries: URLSearchParams[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    queries.push(url.searchParams);
    const after = url.searchParams.get('after');
    const before = url.searchParams.get('before');
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const rows = events
      .filter((row) => (after === null || row.created_at > after) && (before === null || row.created_at < before))
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .slice(0, limit);
    return new Response(JSON.stringify(rows), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  const client = createKitsuClient({ origin: ORIGIN, token: 'token', fetch: fetch as typeof globalThis.fetch });
  return { client, queries };
}

describe('event log', () => {
  it('asks for one production after an instant, in the UTC form zou reads', async () => {
    const { client, queries } = zouLog([event('a', '2026-03-02T10:00:00')]);
    const rows = await client.eventLog({
      projectId: 'project-1',
      after: new Date('2026-03-01T09:30:15.250Z'),
      limit: 50,
    });
    expect(rows.map((row) => row.id)).toEqual(['a']);
    expect(Object.fromEntries(queries[0] ?? [])).toEqual({
      project_id: 'project-1',
      after: '2026-03-01T09:30:15',
      limit: '50',
    });
  });

  it('reads every page once, keeping the events of a second split between two pages', async () => {
    const events = [
      event('1', '2026-03-02T10:00:05'),
      event('2', '2026-03-02T10:00:04'),
      event('3', '2026-03-02T10:00:03'),
      event('4', '2026-03-02T10:00:03'),
      event('5', '2026-03-02T10:00:01'),
      event('6', '2026-03-02T10:00:00'),
      event('old', '2026-03-01T08:00:00'),
    ];
    const { client, queries } = zouLog(events);
    const read = await readEventLogSince(client, 'project-1', new Date('2026-03-02T00:00:00Z'), { pageSize: 3 });
    expect(read.complete).toBe(true);
    expect(read.events.map((row) => row.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    // The second of the last row of page 1 is asked for again.
    expect(queries[1]?.get('before')).toBe('2026-03-02T10:00:04');
  });

  it('says the read is incomplete when one second holds more events than a page', async () => {
    const crowded = ['a', 'b', 'c', 'd'].map((id) => event(id, '2026-03-02T10:00:00'));
    const { client, queries } = zouLog(crowded);
    const read = await readEventLogSince(client, 'project-1', new Date('2026-03-01T00:00:00Z'), { pageSize: 2 });
    expect(read.complete).toBe(false);
    expect(read.events).toHaveLength(2);
    expect(queries).toHaveLength(2);
  });

  it('stops at the page limit and says so', async () => {
    const events = Array.from({ length: 10 }, (_, index) => event(`${index}`, `2026-03-02T10:00:${10 + index}`));
    const { client } = zouLog(events);
    const read = await readEventLogSince(client, 'project-1', new Date('2026-03-01T00:00:00Z'), {
      pageSize: 3,
      maxPages: 2,
    });
    expect(read).toMatchObject({ complete: false });
    // The oldest second of each page is read twice: 3 events, then 2 new ones.
    expect(read.events).toHaveLength(5);
  });

  it('reports zou’s refusal as a permission error', async () => {
    const fetch = async () =>
      new Response(JSON.stringify({ error: true, message: "You don't have the permission" }), { status: 403 });
    const client = createKitsuClient({ origin: ORIGIN, token: 'token', fetch: fetch as typeof globalThis.fetch });
    const error = await client.eventLog({ projectId: 'project-1' }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(KitsuApiError);
    expect(error).toMatchObject({ kind: 'permission', route: 'GET /data/events/last' });
  });
});

describe('event log update', () => {
  const since = new Date('2026-03-01T00:00:00Z');

  it('asks only from the second before the newest known event, and keeps the rest of what it knew', async () => {
    const events = [event('a', '2026-03-02T10:00:00'), event('b', '2026-03-02T11:00:00')];
    const { client, queries } = zouLog(events);
    const known = await readEventLogSince(client, 'project-1', since);
    // Someone's changes, one of them in the same second as the newest known event.
    events.push(event('c', '2026-03-02T11:00:00'), event('d', '2026-03-02T12:30:00'));
    const updated = await readEventLogUpdate(client, 'project-1', since, known);
    expect(queries.at(-1)?.get('after')).toBe('2026-03-02T10:59:59');
    // Newest first, each once: the update's, then what was known before it.
    expect(updated).toMatchObject({ complete: true });
    expect(updated.events.map((row) => row.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('leaves out what fell out of the window since', async () => {
    const events = [event('old', '2026-03-01T08:00:00'), event('new', '2026-03-05T08:00:00')];
    const { client } = zouLog(events);
    const known = await readEventLogSince(client, 'project-1', since);
    const updated = await readEventLogUpdate(client, 'project-1', new Date('2026-03-03T00:00:00Z'), known);
    expect(updated.events.map((row) => row.id)).toEqual(['new']);
  });

  it('reads the whole window when it knew nothing, updates a read its page limit cut, and returns an incomplete update alone', async () => {
    const events = Array.from({ length: 6 }, (_, index) => event(`e${index}`, `2026-03-02T10:00:0${index}`));
    const { client, queries } = zouLog(events);
    await readEventLogUpdate(client, 'project-1', since, undefined);
    expect(queries.at(-1)?.get('after')).toBe('2026-03-01T00:00:00');
    // The 3,000 newest events of a busy production: the update still only asks for the new ones.
    const cut = await readEventLogUpdate(client, 'project-1', since, {
      events: [events[4] as EventLogEntry],
      complete: false,
    });
    expect(queries.at(-1)?.get('after')).toBe('2026-03-02T10:00:03');
    expect(cut).toEqual({ events: [events[5], events[4]], complete: false });
    const known = { events: [event('e0', '2026-03-02T10:00:00')], complete: true };
    const update = await readEventLogUpdate(client, 'project-1', since, known, { pageSize: 2, maxPages: 1 });
    expect(update).toEqual({ events: [events[5], events[4]], complete: false });
  });
});
