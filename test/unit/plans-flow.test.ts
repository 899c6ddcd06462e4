import type { UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { KitsuApiError } from '../../lib/kitsu/errors';
import { PlanRefusal } from '../../lib/plans/flow';
import { createJournal } from '../../lib/plans/journal';
import type { Plan } from '../../lib/plans/model';
import { HOST, op, plan, task } from '../../lib/plans/testing/fixtures';
import { setupFlow as setup, sidekickComments, until } from '../../lib/plans/testing/flow-harness';
import { executeToDone } from './support/plan-flow';

describe('plan flow across a worker restart', () => {
  it('shows the interrupted job running again, never finished as interrupted, and it ends with each comment once', async () => {
    const tasks = Array.from({ length: 6 }, (_, index) => task(`t${index + 1}`));
    const { fake, journalStore, startWorker, later } = setup(tasks);
    const firstWorker = startWorker();
    const comments: Plan = plan(tasks.map((item, index) => op.comment(`c${index + 1}`, item.id, 'Locked.')));
    const { planId: commentsId } = await firstWorker.propose(comments);
    // The first batch lands in Kitsu, then the worker dies before hearing the answer.
    fake.inject({ route: 'POST /actions/projects/:projectId/tasks/comment-many', when: 'after', effect: 'hang' });
    await firstWorker.execute(commentsId);
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
    const asked = restarted.status(commentsId);
    resumeGoesOn();
    expect((await asked).state).toBe('running');

    await until(async () => (await restarted.status(commentsId)).state === 'done');
    const status = await restarted.status(commentsId);
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
    const { fake, opened, startWorker } = setup(tasks);
    const flow = startWorker();
    const { planId: hashtaggedId } = await flow.propose(hashtagged);
    const before = await flow.preview(hashtaggedId);
    expect(before.tasks.find((item) => item.taskId === 't1')?.hashtagCopies).toEqual(['Layout']);
    expect(before.warnings.some((warning) => warning.includes('#hashtag'))).toBe(true);

    const { planId } = await flow.escapeHashtags(hashtaggedId);
    expect(planId).not.toBe(hashtaggedId);
    expect(opened).toHaveLength(1);
    const after = await flow.preview(planId);
    expect(after.state).toBe('pending');
    expect(after.tasks.flatMap((item) => item.hashtagCopies)).toEqual([]);
    expect(after.warnings.some((warning) => warning.includes('#hashtag'))).toBe(false);
    expect(after.operationCount).toBe(3);
    expect(after.tasks.flatMap((item) => item.lines.map((line) => line.text)).join('\n')).toContain('#\u200ball');

    expect((await flow.preview(hashtaggedId)).state).toBe('replaced');
    await expect(flow.execute(hashtaggedId)).rejects.toThrow(/replaced by one with its hashtags escaped/);
    await expect(flow.escapeHashtags(hashtaggedId)).rejects.toBeInstanceOf(PlanRefusal);

    await executeToDone(flow, planId);
    expect(sidekickComments(fake, 't1')[0]?.text).toMatch(/^Fixed, see #\u200ball /);
  });

  it('refuses to escape a plan already confirmed', async () => {
    const { startWorker } = setup(tasks);
    const flow = startWorker();
    const { planId: hashtaggedId } = await flow.propose(hashtagged);
    await flow.execute(hashtaggedId);
    await expect(flow.escapeHashtags(hashtaggedId)).rejects.toThrow(/a plan runs once/);
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
    const { planId: commentsId } = await flow.propose(comments);
    const { planId } = await flow.replaceCommentText(commentsId, 'Edited by Mina: the layout is due Friday.');
    expect(planId).not.toBe(commentsId);
    const after = await flow.preview(planId);
    const lines = after.tasks.flatMap((item) => item.lines.map((line) => line.text));
    expect(lines.filter((line) => line === 'Comment: Edited by Mina: the layout is due Friday.')).toHaveLength(2);
    expect(after.operationCount).toBe(3);

    expect((await flow.preview(commentsId)).state).toBe('replaced');
    await expect(flow.execute(commentsId)).rejects.toThrow(
      'This plan was replaced by one with the edited comment: confirm that one.',
    );
    await executeToDone(flow, planId);
    for (const taskId of ['t1', 't2']) {
      expect(sidekickComments(fake, taskId).map((comment) => (comment.text ?? '').split(' \n\n')[0])).toEqual([
        'Edited by Mina: the layout is due Friday.',
      ]);
    }
  });

  it('refuses to replace the text of a confirmed plan, or of a plan without comments', async () => {
    const { startWorker } = setup(tasks);
    const flow = startWorker();
    const { planId: commentsId } = await flow.propose(comments);
    await flow.execute(commentsId);
    await expect(flow.replaceCommentText(commentsId, 'Too late')).rejects.toThrow(/a plan runs once/);
    const estimates = plan([op.estimate('e2', 't1', null, 30)], { id: 'plan-estimates' });
    const { planId: estimatesId } = await flow.propose(estimates);
    await expect(flow.replaceCommentText(estimatesId, 'Nothing to replace')).rejects.toThrow('posts no comment');
  });

  it('gives the plan and its preview for a draft only while it can be confirmed', async () => {
    const { startWorker, later } = setup(tasks);
    const flow = startWorker();
    const { planId: commentsId } = await flow.propose(comments);
    const { plan: kept, preview } = await flow.confirmable(commentsId);
    expect(kept.operations).toHaveLength(3);
    expect(preview.planId).toBe(commentsId);
    later(16 * 60_000);
    await expect(flow.confirmable(commentsId)).rejects.toThrow('too old');
  });
});

describe('pausing, resuming and retrying a job', () => {
  const serverError = (route: string) => new KitsuApiError({ kind: 'server', route, status: 500 });

  it('pauses after the item being written, and resumes with the items left, each written once', async () => {
    const tasks = [task('t1')];
    const { fake, session, startWorker, jobWrites } = setup(tasks);
    // One task, three comments: three rounds, one write each. The first write waits for the test.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let writes = 0;
    const write = session.client.commentTask.bind(session.client);
    session.client.commentTask = async (...args: Parameters<typeof write>) => {
      jobWrites.push('write');
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
    const { planId: commentsId } = await flow.propose(comments);
    await flow.execute(commentsId);
    await until(() => writes === 1);
    expect(await flow.cancel(commentsId)).toBe(true);
    release();
    await until(async () => (await flow.status(commentsId)).state === 'cancelled');
    expect((await flow.status(commentsId)).progress).toMatchObject({ done: 1, total: 3, applied: 1 });
    expect(sidekickComments(fake, 't1')).toHaveLength(1);

    expect(await flow.resume(commentsId)).toBe(true);
    await until(async () => (await flow.status(commentsId)).state === 'done');
    expect((await flow.status(commentsId)).progress).toMatchObject({ done: 3, applied: 3, failed: 0 });
    // Newest first, as zou lists them: written in plan order.
    expect(sidekickComments(fake, 't1').map((comment) => (comment.text ?? '').split(' \n\n')[0])).toEqual([
      'Three.',
      'Two.',
      'One.',
    ]);
    await expect(flow.resume(commentsId)).rejects.toThrow(PlanRefusal);
    // The live events of its writes are the job's own while it runs, in each of its runs.
    const started = `started ${jobWrites[0]?.split(' ')[1]} ${HOST} t1,t1,t1`;
    const ended = `ended ${jobWrites[0]?.split(' ')[1]}`;
    expect(jobWrites).toEqual([started, 'write', ended, started, 'write', 'write', ended]);
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
    const { planId: mixedId } = await flow.propose(mixed);
    fake.inject({
      route: 'POST /actions/projects/:projectId/tasks/comment-many',
      when: 'before',
      effect: serverError('comment-many'),
    });
    fake.inject({ route: 'PUT /actions/tasks/set-priority', when: 'before', effect: serverError('set-priority') });
    await executeToDone(flow, mixedId);
    expect((await flow.status(mixedId)).progress).toMatchObject({ applied: 0, failed: 3 });

    // The priority reached the task after all (a slow write): it is recorded, not written again.
    fake.edit('t3', { priority: 2 });
    const retry = await flow.retryFailed(mixedId);
    expect(retry.foundApplied).toBe(1);
    expect(retry.planId).not.toBeNull();
    expect((await flow.status(mixedId)).progress).toMatchObject({ applied: 1, failed: 2 });
    const offered = await flow.confirmable(retry.planId ?? '');
    expect(offered.plan.operations.map((operation) => operation.id)).toEqual(['c1', 'c2']);
    expect(offered.plan.title).toMatch(/^Retry: /);

    await executeToDone(flow, retry.planId ?? '');
    for (const id of ['t1', 't2']) expect(sidekickComments(fake, id)).toHaveLength(1);
    expect(fake.calls.filter((call) => call.route === 'PUT /actions/tasks/set-priority')).toHaveLength(1);
  });
});

describe('the status of a running job', () => {
  it('answers from the run itself: items as they land, and nothing read from IndexedDB per question', async () => {
    const tasks = [task('t1'), task('t2'), task('t3')];
    const { fake, journalStore, plansStore, startWorker } = setup(tasks);
    const journal = createJournal(journalStore);
    let reads = 0;
    const countedPlans: UseStore = (mode, callback) => {
      reads += 1;
      return plansStore(mode, callback);
    };
    const flow = startWorker(
      {
        ...journal,
        get: (jobId: string) => {
          reads += 1;
          return journal.get(jobId);
        },
      },
      countedPlans,
    );
    // The comments land; the priority's write never answers, so the job keeps running.
    fake.inject({ route: 'PUT /actions/tasks/set-priority', when: 'before', effect: 'hang' });
    const { planId } = await flow.propose(
      plan([op.comment('c1', 't1', 'Locked.'), op.comment('c2', 't2', 'Locked.'), op.priority('p1', 't3', 0, 2)]),
    );
    await flow.execute(planId);
    await until(async () => (await flow.status(planId)).progress.applied === 2);
    const readsBefore = reads;

    const status = await flow.status(planId);
    expect(status.state).toBe('running');
    expect(status.items.map((item) => [item.taskId, item.state])).toEqual([
      ['t1', 'applied'],
      ['t2', 'applied'],
      ['t3', 'started'],
    ]);
    expect(reads).toBe(readsBefore);
  });
});
