import { createStore } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../lib/connections/session';
import { KitsuApiError } from '../../lib/kitsu/errors';
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
    session,
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

describe('replacing the comment text of a previewed plan (an edited AI draft)', () => {
  const tasks = [task('t1', { entity_id: 'shot-1' }), task('t2', { entity_id: 'shot-2' })];
  const comments = plan([
    op.comment('c1', 't1', 'Please update'),
    op.comment('c2', 't2', 'Please update'),
    op.estimate('e1', 't2', null, 60),
  ]);

  it('offers a new plan with the edited text everywhere, re-previewed; the old plan can no longer be confirmed', async () => {
    const { fake, startWorker } = setup(tasks);
    const flow = startWorker();
    await flow.propose(comments);
    const { planId } = await flow.replaceCommentText(comments.id, 'Edited by Mina: the layout is due Friday.');
    expect(planId).not.toBe(comments.id);
    const after = await flow.preview(planId);
    const lines = after.tasks.flatMap((item) => item.lines.map((line) => line.text));
    expect(lines.filter((line) => line === 'Comment: Edited by Mina: the layout is due Friday.')).toHaveLength(2);
    expect(after.operationCount).toBe(3);

    expect((await flow.preview(comments.id)).state).toBe('replaced');
    await expect(flow.execute(comments.id)).rejects.toThrow(
      'This plan was replaced by one with the edited comment: confirm that one.',
    );
    await flow.execute(planId);
    await until(async () => (await flow.status(planId)).state === 'done');
    for (const taskId of ['t1', 't2']) {
      expect(sidekickComments(fake, taskId).map((comment) => (comment.text ?? '').split(' \n\n')[0])).toEqual([
        'Edited by Mina: the layout is due Friday.',
      ]);
    }
  });

  it('refuses to replace the text of a confirmed plan, or of a plan without comments', async () => {
    const { startWorker } = setup(tasks);
    const flow = startWorker();
    await flow.propose(comments);
    await flow.execute(comments.id);
    await expect(flow.replaceCommentText(comments.id, 'Too late')).rejects.toThrow('already confirmed');
    const estimates = plan([op.estimate('e2', 't1', null, 30)], { id: 'plan-estimates' });
    await flow.propose(estimates);
    await expect(flow.replaceCommentText(estimates.id, 'Nothing to replace')).rejects.toThrow('posts no comment');
  });

  it('gives the plan and its preview for a draft only while it can be confirmed', async () => {
    const { startWorker, later } = setup(tasks);
    const flow = startWorker();
    await flow.propose(comments);
    const { plan: kept, preview } = await flow.confirmable(comments.id);
    expect(kept.operations).toHaveLength(3);
    expect(preview.planId).toBe(comments.id);
    later(16 * 60_000);
    await expect(flow.confirmable(comments.id)).rejects.toThrow('too old');
  });
});

describe('pausing, resuming and retrying a job', () => {
  const serverError = (route: string) => new KitsuApiError({ kind: 'server', route, status: 500 });

  it('pauses after the item being written, and resumes with the items left, each written once', async () => {
    const tasks = [task('t1')];
    const { fake, session, startWorker } = setup(tasks);
    // One task, three comments: three rounds, one write each. The first write waits for the test.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let writes = 0;
    const write = session.client.commentTask.bind(session.client);
    session.client.commentTask = async (...args: Parameters<typeof write>) => {
      writes += 1;
      if (writes === 1) await held;
      return write(...args);
    };
    const flow = startWorker();
    const comments = plan([
      op.comment('c1', 't1', 'One.'),
      op.comment('c2', 't1', 'Two.'),
      op.comment('c3', 't1', 'Three.'),
    ]);
    await flow.propose(comments);
    await flow.execute(comments.id);
    await until(() => writes === 1);
    expect(await flow.cancel(comments.id)).toBe(true);
    release();
    await until(async () => (await flow.status(comments.id)).state === 'cancelled');
    expect((await flow.status(comments.id)).progress).toMatchObject({ done: 1, total: 3, applied: 1 });
    expect(sidekickComments(fake, 't1')).toHaveLength(1);

    expect(await flow.resume(comments.id)).toBe(true);
    await until(async () => (await flow.status(comments.id)).state === 'done');
    expect((await flow.status(comments.id)).progress).toMatchObject({ done: 3, applied: 3, failed: 0 });
    // Newest first, as zou lists them: written in plan order.
    expect(sidekickComments(fake, 't1').map((comment) => (comment.text ?? '').split(' \n\n')[0])).toEqual([
      'Three.',
      'Two.',
      'One.',
    ]);
    await expect(flow.resume(comments.id)).rejects.toThrow(PlanRefusal);
  });

  it('offers the failed items again as a new plan, after checking Kitsu for writes that landed late', async () => {
    const tasks = [task('t1'), task('t2'), task('t3')];
    const { fake, startWorker } = setup(tasks);
    const flow = startWorker();
    const mixed = plan([
      op.comment('c1', 't1', 'Ready.'),
      op.comment('c2', 't2', 'Ready.'),
      op.priority('p3', 't3', 0, 2),
    ]);
    await flow.propose(mixed);
    fake.inject({
      route: 'POST /actions/projects/:projectId/tasks/comment-many',
      when: 'before',
      effect: serverError('comment-many'),
    });
    fake.inject({ route: 'PUT /actions/tasks/set-priority', when: 'before', effect: serverError('set-priority') });
    await flow.execute(mixed.id);
    await until(async () => (await flow.status(mixed.id)).state === 'done');
    expect((await flow.status(mixed.id)).progress).toMatchObject({ applied: 0, failed: 3 });

    // The priority reached the task after all (a slow write): it is recorded, not written again.
    fake.edit('t3', { priority: 2 });
    const retry = await flow.retryFailed(mixed.id);
    expect(retry.foundApplied).toBe(1);
    expect(retry.planId).not.toBeNull();
    expect((await flow.status(mixed.id)).progress).toMatchObject({ applied: 1, failed: 2 });
    const offered = await flow.confirmable(retry.planId ?? '');
    expect(offered.plan.operations.map((operation) => operation.id)).toEqual(['c1', 'c2']);
    expect(offered.plan.title).toMatch(/^Retry: /);

    await flow.execute(retry.planId ?? '');
    await until(async () => (await flow.status(retry.planId ?? '')).state === 'done');
    for (const id of ['t1', 't2']) expect(sidekickComments(fake, id)).toHaveLength(1);
    expect(fake.calls.filter((call) => call.route === 'PUT /actions/tasks/set-priority')).toHaveLength(1);
  });
});
