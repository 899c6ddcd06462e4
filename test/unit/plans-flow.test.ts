import { createStore } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../lib/connections/session';
import { createAuditLog } from '../../lib/plans/audit';
import { createPlanFlow, PlanRefusal } from '../../lib/plans/flow';
import { createJournal, type Journal } from '../../lib/plans/journal';
import { DEFAULT_MARKER_TEMPLATE, hasMarker } from '../../lib/plans/marker';
import type { Plan } from '../../lib/plans/model';
import { createFakeKitsu, type FakeKitsu } from '../../lib/plans/testing/fake-kitsu';
import { BOT, fakeSeed, HOST, op, PERSONS, plan, STATUSES, TASK_TYPES, task } from '../../lib/plans/testing/fixtures';

let storeCount = 0;

/** What a Session gives the flow, over the fake zou: enough to preview and run plans. */
function fakeSession(fake: FakeKitsu, tasks: ReturnType<typeof task>[]): Session {
  const shots = [...new Set(tasks.map((item) => item.entity_id))].map((id) => ({
    id,
    tasks: tasks.filter((item) => item.entity_id === id),
  }));
  const client = {
    ...fake.client,
    projectTeam: async () => PERSONS,
  };
  const reads = {
    persons: async () => PERSONS,
    departments: async () => [],
    shotsWithTasks: async () => shots,
    assetsWithTasks: async () => [],
    authenticated: async () => ({ user: { id: BOT, role: 'manager', departments: [] } }),
    project: async () => ({ is_bot_collaboration_enabled: false }),
    taskTypes: async () => TASK_TYPES,
    taskStatuses: async () => STATUSES,
  };
  const cache = { invalidateTags: async () => {}, invalidateKind: async () => {} };
  return { client, reads, cache } as unknown as Session;
}

function setup(tasks: ReturnType<typeof task>[]) {
  storeCount += 1;
  const fake = createFakeKitsu(fakeSeed(tasks, { caller: { id: BOT, role: 'manager', departments: [] } }));
  const session = fakeSession(fake, tasks);
  const plans = createStore(`flow-plans-${storeCount}`, 'pending');
  const journalStore = createStore(`flow-journal-${storeCount}`, 'jobs');
  const openConfirm = vi.fn(async () => {});
  let clock = Date.parse('2026-11-20T10:00:00Z');
  let ids = 0;
  /** A background as a worker starts it: same databases, new objects. */
  const startWorker = (journal: Journal = createJournal(journalStore)) =>
    createPlanFlow({
      sessionFor: async (origin) => (origin === HOST ? session : null),
      journal,
      audit: createAuditLog(createStore(`flow-audit-${storeCount}`, 'records')),
      operator: async () => ({ operatorName: 'Mina', markerTemplate: DEFAULT_MARKER_TEMPLATE }),
      openConfirm,
      store: plans,
      now: () => clock,
      newId: () => `id-${++ids}`,
    });
  return {
    fake,
    openConfirm,
    journalStore,
    startWorker,
    later: (ms: number) => {
      clock += ms;
    },
  };
}

async function until(condition: () => boolean | Promise<boolean>) {
  for (let tries = 0; tries < 400; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not reached');
}

const sidekickComments = (fake: FakeKitsu, taskId: string) =>
  fake.comments(taskId).filter((comment) => hasMarker(comment.text));

describe('plan flow across a worker restart', () => {
  it('shows the interrupted job running again, never finished as interrupted, and it ends with each comment once', async () => {
    const tasks = Array.from({ length: 6 }, (_, index) => task(`t${index + 1}`));
    const { fake, journalStore, startWorker, later } = setup(tasks);
    const firstWorker = startWorker();
    const comments: Plan = plan(tasks.map((item, index) => op.comment(`c${index + 1}`, item.id, 'Locked.')));
    await firstWorker.propose(comments);
    // The first batch lands in Kitsu, then the worker dies before hearing the answer.
    fake.inject({ route: 'POST /actions/projects/:projectId/tasks/comment-many', when: 'after', effect: 'hang' });
    await firstWorker.execute(comments.id);
    const journal = createJournal(journalStore);
    await until(async () => (await journal.list())[0]?.items.c1?.state === 'started');

    // The restarted worker answers the confirm window while it is still resuming the job.
    later(60_000);
    let resumeGoesOn = () => {};
    const slowToResume = new Promise<void>((resolve) => {
      resumeGoesOn = resolve;
    });
    const restarted = startWorker({
      ...journal,
      markInterrupted: async () => {
        const jobs = await journal.markInterrupted();
        await slowToResume;
        return jobs;
      },
    });
    void restarted.resumeInterrupted();
    await until(async () => (await journal.list())[0]?.status === 'interrupted');
    const asked = restarted.status(comments.id);
    resumeGoesOn();
    expect((await asked).state).toBe('running');

    await until(async () => (await restarted.status(comments.id)).state === 'done');
    const status = await restarted.status(comments.id);
    expect(status.progress).toMatchObject({ done: 6, applied: 6, skipped: 0, failed: 0 });
    for (const item of tasks) expect(sidekickComments(fake, item.id)).toHaveLength(1);
  });
});

describe('escaping the hashtags of a previewed plan', () => {
  const tasks = [
    task('t1', { entity_id: 'shot-1', task_type_id: 'tt-anim' }),
    task('t1-layout', { entity_id: 'shot-1', task_type_id: 'tt-layout' }),
    task('t2', { entity_id: 'shot-2', task_type_id: 'tt-anim' }),
  ];
  const hashtagged = plan([
    op.comment('c1', 't1', 'Fixed, see #all'),
    op.comment('c2', 't2', 'Ready for #layout'),
    op.estimate('e1', 't2', null, 60),
  ]);

  it('proposes the same plan with escaped comments in the same window, and the old one can no longer be confirmed', async () => {
    const { fake, openConfirm, startWorker } = setup(tasks);
    const flow = startWorker();
    await flow.propose(hashtagged);
    const before = await flow.preview(hashtagged.id);
    expect(before.tasks.find((item) => item.taskId === 't1')?.hashtagCopies).toEqual(['Layout']);
    expect(before.warnings.some((warning) => warning.includes('#hashtag'))).toBe(true);

    const { planId } = await flow.escapeHashtags(hashtagged.id);
    expect(planId).not.toBe(hashtagged.id);
    expect(openConfirm).toHaveBeenCalledTimes(1);
    const after = await flow.preview(planId);
    expect(after.state).toBe('pending');
    expect(after.tasks.flatMap((item) => item.hashtagCopies)).toEqual([]);
    expect(after.warnings.some((warning) => warning.includes('#hashtag'))).toBe(false);
    expect(after.operationCount).toBe(3);
    expect(after.tasks.flatMap((item) => item.lines.map((line) => line.text)).join('\n')).toContain('#\u200ball');

    expect((await flow.preview(hashtagged.id)).state).toBe('replaced');
    await expect(flow.execute(hashtagged.id)).rejects.toThrow(/replaced by one with its hashtags escaped/);
    await expect(flow.escapeHashtags(hashtagged.id)).rejects.toBeInstanceOf(PlanRefusal);

    await flow.execute(planId);
    await until(async () => (await flow.status(planId)).state === 'done');
    expect(sidekickComments(fake, 't1')[0]?.text).toMatch(/^Fixed, see #\u200ball /);
  });

  it('refuses to escape a plan already confirmed', async () => {
    const { startWorker } = setup(tasks);
    const flow = startWorker();
    await flow.propose(hashtagged);
    await flow.execute(hashtagged.id);
    await expect(flow.escapeHashtags(hashtagged.id)).rejects.toThrow('This plan was already confirmed: it runs once.');
  });
});
