// The human-decisions guard reads zou's event log (up to 3 pages of 1,000 events) for production
// managers. It goes through the session's cache: a panel's second read costs no request until an event
// of a task or a comment drops it, the read after that asks only for the new events, and the agent asks
// for it beside the task lists, not after them.
import { describe, expect, it } from 'vitest';
import { readDecisionFeed } from '../../lib/agent/human-changes';
import { readAgentSources, runAgentOn } from '../../lib/agent/service';
import { contexts, NOW } from '../../lib/agent/testing';
import type { Session } from '../../lib/connections/session';
import type { KitsuClient } from '../../lib/kitsu';
import { sessionWithClient } from './support/session-with-client';

const ORIGIN = 'https://kitsu.decision-feed.example';
const P = 'ae1053d8-b7db-4923-a418-d93894c5a48f';
const TASK = 'aaaaaaaa-0000-0000-0000-000000000001';
const manager = { viewer: { personId: 'helene', role: 'manager' as const }, persons: [] };
const feedOptions = { projectId: P, now: NOW, windowDays: 3 };

/** A session whose client answers the event log with one unassignment by Cleo, and counts the pages read. */
function sessionCountingLogReads() {
  const asked: { after: string | undefined }[] = [];
  const client = {
    eventLog: async (query: { after?: Date }) => {
      asked.push({ after: query.after?.toISOString() });
      return [
        {
          id: 'ev1',
          name: 'task:unassign',
          user_id: 'cleo',
          project_id: P,
          created_at: '2026-03-10T08:00:00',
          data: { task_id: TASK, person_id: 'ana' },
        },
      ];
    },
  } as unknown as KitsuClient;
  const { session, receive } = sessionWithClient(client, ORIGIN, P);
  return { session, asked, receive };
}

describe('the human-decisions feed', () => {
  it('reads the event log of the window once, then from the cache until a task event drops it', async () => {
    const { session, asked, receive } = sessionCountingLogReads();
    const first = await readDecisionFeed(session, manager, { ...feedOptions, mode: 'swr' });
    expect(first).toMatchObject({
      available: true,
      recentChanges: { [TASK]: [{ field: 'assignees', personId: 'cleo', at: '2026-03-10T08:00:00', inexact: false }] },
    });
    expect(asked).toEqual([{ after: new Date(NOW.getTime() - 3 * 86_400_000).toISOString() }]);

    expect(await readDecisionFeed(session, manager, { ...feedOptions, mode: 'swr' })).toEqual(first);
    expect(await readDecisionFeed(session, manager, { ...feedOptions, mode: 'fresh' })).toEqual(first);
    expect(asked).toHaveLength(1);

    // A shot's change is no change of a task: the log read stays.
    await receive('shot:update', { shot_id: 'eeeeeeee-0000-0000-0000-000000000001' });
    await readDecisionFeed(session, manager, { ...feedOptions, mode: 'swr' });
    expect(asked).toHaveLength(1);

    // Dropped by a task's change: zou is asked only for what came since the newest event read.
    await receive('task:update', { task_id: 'aaaaaaaa-0000-0000-0000-0000000000ff' });
    await readDecisionFeed(session, manager, { ...feedOptions, mode: 'fresh' });
    expect(asked[1]).toEqual({ after: '2026-03-10T07:59:59.000Z' });
    await receive('comment:new', { task_id: TASK, comment_id: 'cccccccc-0000-0000-0000-000000000001' });
    await readDecisionFeed(session, manager, { ...feedOptions, mode: 'fresh' });
    expect(asked).toHaveLength(3);
  });

  it('asks nothing for a supervisor, and keeps a window of its own per length', async () => {
    const { session, asked } = sessionCountingLogReads();
    const supervisor = { viewer: { personId: 'sam', role: 'supervisor' as const }, persons: [] };
    expect(await readDecisionFeed(session, supervisor, { ...feedOptions, mode: 'swr' })).toMatchObject({
      available: false,
    });
    expect(asked).toHaveLength(0);
    await readDecisionFeed(session, manager, { ...feedOptions, mode: 'swr' });
    await readDecisionFeed(session, manager, { ...feedOptions, windowDays: 7, mode: 'swr' });
    expect(asked).toHaveLength(2);
  });
});

describe('the agent on a page', () => {
  it('asks for the event log before the task lists have answered', async () => {
    let answerLists: () => void = () => {};
    const listsAnswered = new Promise<void>((resolve) => {
      answerLists = resolve;
    });
    const order: string[] = [];
    const session = {
      connection: { origin: ORIGIN },
      reads: {
        project: async () => ({ id: P, name: 'Big Buck', max_retakes: 0 }),
        authenticated: async () => ({
          user: { id: 'helene', full_name: 'Hélène', role: 'manager', departments: [], expiration_date: null },
        }),
        shotsWithTasks: async () => {
          order.push('shots-with-tasks asked');
          await listsAnswered;
          order.push('shots-with-tasks answered');
          return [];
        },
        assetsWithTasks: async () => [],
        taskStatuses: async () => [],
        taskTypes: async () => [],
        persons: async () => [],
        departments: async () => [],
        dayOffs: async () => ({}),
        eventLog: async () => {
          order.push('event log asked');
          return { events: [], complete: true };
        },
      },
    } as unknown as Session;
    const run = readAgentSources(session, contexts.shots, { mode: 'swr', now: NOW });
    await expect.poll(() => order).toContain('event log asked');
    answerLists();
    const result = runAgentOn(contexts.shots, await run, NOW);
    expect(order).toEqual(['shots-with-tasks asked', 'event log asked', 'shots-with-tasks answered']);
    expect(result.decisionFeed).toEqual({ available: true });
  });
});
