// Who may read zou's event log, and what lib/kitsu reads from it, against the real zou through the
// front door. The studio production's manager made changes with her own token during the seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKitsuClient, KitsuApiError, type KitsuClient, readEventLogSince } from '../../lib/kitsu';
import { humanDecisionsFromEvents } from '../../lib/workflow/human-decisions';
import { adminToken, stack, zou } from './stack';

const studio = stack.studio;
const clientFor = (token: string): KitsuClient => createKitsuClient({ origin: stack.frontDoor, token, maxRetries: 1 });

async function logIn(person: { email: string; password: string }): Promise<string> {
  const response = await zou<{ access_token?: string }>('', 'POST', '/auth/login', {
    email: person.email,
    password: person.password,
  });
  if (!response.body.access_token) throw new Error(`login of ${person.email} failed with HTTP ${response.status}`);
  return response.body.access_token;
}

async function refusal(promise: Promise<unknown>): Promise<KitsuApiError> {
  const reason = await promise.then(
    () => new Error('expected zou to refuse'),
    (error: unknown) => error,
  );
  expect(reason).toBeInstanceOf(KitsuApiError);
  return reason as KitsuApiError;
}

// A minute before the stack started: the whole seed is after it.
const beforeTheSeed = new Date(Date.parse(stack.startedAt) - 60_000);
const studioManager = () => {
  const manager = studio.persons.find((person) => person.role === 'manager');
  if (!manager) throw new Error('the studio production has no manager');
  return manager;
};

describe('event log (GET /data/events/last)', () => {
  let admin: string;
  let helene: KitsuClient;

  beforeAll(async () => {
    admin = await adminToken();
    helene = clientFor(await logIn(studioManager()));
  });
  afterAll(async () => {
    // Back to the writer bot's studio role, whatever a test left.
    await zou(admin, 'PUT', `/data/projects/${studio.id}/team/${stack.bots.writer.id}`, { role: null });
  });

  it('is read by a manager of the production, each event naming the person whose token made it', async () => {
    const { events, complete } = await readEventLogSince(helene, studio.id, beforeTheSeed);
    expect(complete).toBe(true);
    for (const decision of studio.humanDecisions) {
      const own = events.filter(
        (event) => event.data?.task_id === decision.taskId && event.user_id === decision.personId,
      );
      expect(own.map((event) => event.name)).toContain(
        decision.field === 'assignees' ? 'task:unassign' : 'task:update',
      );
    }
    expect(events.every((event) => event.project_id === studio.id)).toBe(true);
    // zou dates events to the second, in UTC, without offset.
    expect(events[0]?.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it('is refused to a manager of another production only', async () => {
    const foxTalesManager = stack.persons.find((person) => person.role === 'manager');
    if (!foxTalesManager) throw new Error('Fox Tales has no manager');
    const mina = clientFor(await logIn(foxTalesManager));
    expect(await refusal(mina.eventLog({ projectId: studio.id, limit: 1 }))).toMatchObject({
      kind: 'permission',
      status: 403,
    });
    await expect(mina.eventLog({ projectId: stack.production.id, limit: 1 })).resolves.toHaveLength(1);
  });

  it('is refused to the writer bot (supervisor) and to the reader bot (artist)', async () => {
    for (const bot of [stack.bots.writer, stack.bots.reader]) {
      for (const projectId of [studio.id, stack.production.id]) {
        const error = await refusal(clientFor(bot.token).eventLog({ projectId, limit: 1 }));
        expect(error).toMatchObject({ kind: 'permission', route: 'GET /data/events/last' });
      }
    }
  });

  it('is read by the writer bot once it is a manager of that production, and of that production only', async () => {
    const writer = clientFor(stack.bots.writer.token);
    const promoted = await zou(admin, 'PUT', `/data/projects/${studio.id}/team/${stack.bots.writer.id}`, {
      role: 'manager',
    });
    expect(promoted.status).toBe(200);
    try {
      const events = await writer.eventLog({ projectId: studio.id, after: beforeTheSeed, limit: 5 });
      expect(events.length).toBeGreaterThan(0);
      expect(await refusal(writer.eventLog({ projectId: stack.production.id, limit: 1 }))).toMatchObject({
        kind: 'permission',
      });
    } finally {
      await zou(admin, 'PUT', `/data/projects/${studio.id}/team/${stack.bots.writer.id}`, { role: null });
    }
    // Back to supervisor: refused again.
    expect(await refusal(writer.eventLog({ projectId: studio.id, limit: 1 }))).toMatchObject({ kind: 'permission' });
  });

  it('reads every event since an instant across pages, each once', async () => {
    const wholePages = await readEventLogSince(helene, studio.id, beforeTheSeed);
    // The seed may write many events in one second: a page must hold the busiest second, or the read
    // rightly says it may have missed some. Pages just above that still split the log in several.
    const perSecond = new Map<string, number>();
    for (const event of wholePages.events) perSecond.set(event.created_at, (perSecond.get(event.created_at) ?? 0) + 1);
    const pageSize = Math.max(...perSecond.values()) + 1;
    expect(wholePages.events.length).toBeGreaterThan(2 * pageSize);
    const smallPages = await readEventLogSince(helene, studio.id, beforeTheSeed, { pageSize, maxPages: 1000 });
    expect(smallPages.complete).toBe(true);
    expect(smallPages.events.map((event) => event.id)).toEqual(wholePages.events.map((event) => event.id));
    expect(new Set(smallPages.events.map((event) => event.id)).size).toBe(smallPages.events.length);
  });

  it('turns the seed’s log into the manager’s decisions only: every update zou made for a comment is explained', async () => {
    const { events } = await readEventLogSince(helene, studio.id, beforeTheSeed);
    const decisions = humanDecisionsFromEvents(events).filter((decision) => decision.kind !== 'status');
    expect(
      decisions
        .map(({ taskId, kind, personId }) => ({ taskId, kind, personId }))
        .sort((a, b) => a.taskId.localeCompare(b.taskId)),
    ).toEqual(
      studio.humanDecisions
        .map(({ taskId, field, personId }) => ({
          taskId,
          kind: field === 'assignees' ? 'assignees' : 'task-fields',
          personId,
        }))
        .sort((a, b) => a.taskId.localeCompare(b.taskId)),
    );
    // The seed's comments moved tasks to their statuses: status decisions by the admin who posted them.
    expect(humanDecisionsFromEvents(events).filter((decision) => decision.kind === 'status').length).toBeGreaterThan(
      20,
    );
  });
});
