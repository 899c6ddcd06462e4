import { describe, expect, it } from 'vitest';
import { KitsuApiError } from '../../lib/kitsu';
import { createJournal } from '../../lib/plans/journal';
import { createPendingPlans } from '../../lib/plans/pending';
import { op, plan, STATUS, task } from '../../lib/plans/testing/fixtures';
import { setupFlow, sidekickComments, until } from '../../lib/plans/testing/flow-harness';
import { executeToDone } from './support/plan-flow';

const tasks = Array.from({ length: 4 }, (_, index) => task(`t${index + 1}`));
const commentAll = () =>
  plan(
    tasks.map((item, index) => op.comment(`c${index + 1}`, item.id, 'Ready?', { from: STATUS.wip, to: STATUS.wfa })),
  );

const refusals = (results: PromiseSettledResult<unknown>[]) =>
  results
    .filter((result): result is PromiseRejectedResult => result.status === 'rejected')
    .map((r) => r.reason.message);

describe('one plan, one job', () => {
  it('runs a plan once when five confirmations arrive together, and refuses the others', async () => {
    const { fake, startWorker } = setupFlow(tasks);
    const flow = startWorker();
    const { planId } = await flow.propose(commentAll());
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => flow.execute(planId)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(refusals(results)).toEqual(Array(4).fill('This plan is already running: a plan runs once.'));
    await until(async () => (await flow.status(planId)).state === 'done');
    for (const item of tasks) expect(sidekickComments(fake, item.id)).toHaveLength(1);
    await expect(flow.execute(planId)).rejects.toThrow('This plan was already run: a plan runs once.');
  });

  it('runs it once when two workers (two windows on a restarted background) confirm at the same moment', async () => {
    const { fake, startWorker } = setupFlow(tasks);
    const first = startWorker();
    const second = startWorker();
    const { planId } = await first.propose(commentAll());
    // Separate workers share no memory: only the stored state's transaction stands between them.
    const results = await Promise.allSettled([first.execute(planId), second.execute(planId)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(refusals(results)[0]).toMatch(/a plan runs once/);
    await until(async () => (await first.status(planId)).state === 'done');
    for (const item of tasks) expect(sidekickComments(fake, item.id)).toHaveLength(1);
  });

  it('gives every proposed plan a new random id, and never overwrites a stored plan', async () => {
    const { plansStore, startWorker } = setupFlow(tasks);
    const flow = startWorker();
    const candidate = commentAll();
    const first = await flow.propose(candidate);
    const second = await flow.propose(candidate);
    expect(first.planId).not.toBe(candidate.id);
    expect(second.planId).not.toBe(first.planId);
    const pending = createPendingPlans(plansStore);
    const stored = await pending.get(first.planId);
    await expect(pending.add({ ...stored, state: 'confirmed' })).rejects.toThrow('exists already');
    expect((await pending.get(first.planId)).state).toBe('pending');
  });

  it('resumes a paused job once, whatever the number of Resume clicks', async () => {
    const { fake, session, startWorker } = setupFlow([task('t1')]);
    const flow = startWorker();
    const write = session.client.commentTask.bind(session.client);
    let hold = true;
    session.client.commentTask = async (...args: Parameters<typeof write>) => {
      while (hold) await new Promise((resolve) => setTimeout(resolve, 2));
      return write(...args);
    };
    const { planId } = await flow.propose(
      plan([op.comment('c1', 't1', 'One.'), op.comment('c2', 't1', 'Two.'), op.comment('c3', 't1', 'Three.')]),
    );
    await flow.execute(planId);
    await flow.cancel(planId);
    hold = false;
    await until(async () => (await flow.status(planId)).state === 'cancelled');
    const results = await Promise.allSettled([flow.resume(planId), flow.resume(planId), flow.resume(planId)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(refusals(results)).toEqual(Array(2).fill('This plan is already running: a plan runs once.'));
    await until(async () => (await flow.status(planId)).state === 'done');
    expect(sidekickComments(fake, 't1')).toHaveLength(3);
  });

  it('offers one undo plan for a job however often Undo is clicked, and refuses once the undo ran', async () => {
    const { startWorker } = setupFlow(tasks);
    const flow = startWorker();
    const { planId } = await flow.propose(commentAll());
    await executeToDone(flow, planId);
    const undos = await Promise.allSettled([flow.undo(planId), flow.undo(planId)]);
    const offered = undos.flatMap((result) => (result.status === 'fulfilled' ? [result.value.planId] : []));
    expect(refusals(undos)).toEqual(['The undo of this job is already being prepared.']);
    expect((await flow.undo(planId)).planId).toBe(offered[0]);
    await executeToDone(flow, offered[0] ?? '');
    await expect(flow.undo(planId)).rejects.toThrow('This job was undone already');
  });

  it('escapes hashtags once when the button is clicked twice: one replacement, the old plan replaced', async () => {
    const { startWorker } = setupFlow(tasks);
    const flow = startWorker();
    const { planId } = await flow.propose(plan([op.comment('c1', 't1', 'See #all')]));
    const results = await Promise.allSettled([flow.escapeHashtags(planId), flow.escapeHashtags(planId)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(refusals(results)).toEqual(['This plan is already being replaced.']);
    expect((await flow.preview(planId)).state).toBe('replaced');
  });

  it('posts what the preview showed: the operator and marker are frozen when the plan is previewed', async () => {
    const { fake, operator, startWorker } = setupFlow([task('t1')]);
    const flow = startWorker();
    const { planId } = await flow.propose(plan([op.comment('c1', 't1', 'Hello.')]));
    operator.operatorName = 'Somebody Else';
    await executeToDone(flow, planId);
    const [comment] = sidekickComments(fake, 't1');
    expect(comment?.text).toContain('confirmed by Mina');
    expect(comment?.text).not.toContain('Somebody Else');
  });
});

describe('reports from Kitsu', () => {
  it('deletes the copy of a comment Kitsu received twice (a replayed request) and says so', async () => {
    const { fake, journalStore, startWorker } = setupFlow(tasks);
    const flow = startWorker();
    const { planId } = await flow.propose(commentAll());
    fake.inject({ route: 'POST /actions/projects/:projectId/tasks/comment-many', when: 'after', effect: 'replay' });
    const status = await executeToDone(flow, planId);
    for (const item of tasks) expect(sidekickComments(fake, item.id)).toHaveLength(1);
    expect(status.progress).toMatchObject({ applied: 4, skipped: 0, failed: 0 });
    expect(status.readBack?.duplicatesRemoved).toBe(4);
    expect(status.readBack?.mismatches[0]).toMatch(/received the comment 2 times.*later copy was deleted/);
    // The journal names the comment Kitsu keeps: undo deletes that one.
    const [job] = await createJournal(journalStore).list();
    for (const item of tasks) {
      const kept = sidekickComments(fake, item.id)[0];
      expect(job?.items[`c${item.id.slice(1)}`]?.result?.commentId).toBe(kept?.id);
    }
  });

  it('never deletes a comment the comment feed lists twice (its order across a page edge is not stable)', async () => {
    const { fake, session, startWorker } = setupFlow(tasks);
    const readFeed = fake.client.projectComments.bind(fake.client);
    // Every comment shows twice, as one does when zou's order of same-second comments changes between pages.
    session.client.projectComments = async (projectId, query) => {
      const page = await readFeed(projectId, query);
      return { ...page, data: [...page.data, ...structuredClone(page.data)] };
    };
    const flow = startWorker();
    const { planId } = await flow.propose(commentAll());
    const status = await executeToDone(flow, planId);
    for (const item of tasks) expect(sidekickComments(fake, item.id)).toHaveLength(1);
    expect(status.progress).toMatchObject({ applied: 4, skipped: 0, failed: 0 });
    expect(status.readBack?.duplicatesRemoved).toBe(0);
  });

  it('reads a job back again on request when Kitsu could not be read back as it ended', async () => {
    const { fake, session, startWorker } = setupFlow(tasks);
    const flow = startWorker();
    const { planId } = await flow.propose(commentAll());
    fake.inject({ route: 'POST /actions/projects/:projectId/tasks/comment-many', when: 'after', effect: 'replay' });
    // Kitsu's comment feed answers 503 from the job's end until it is back.
    const readFeed = fake.client.projectComments.bind(fake.client);
    let down = true;
    session.client.projectComments = async (projectId, query) => {
      if (down) throw new KitsuApiError({ kind: 'server', route: 'GET /data/projects/:id/comments', status: 503 });
      return readFeed(projectId, query);
    };
    const ended = await executeToDone(flow, planId);
    expect(ended.readBack).toBeNull();
    for (const item of tasks) expect(sidekickComments(fake, item.id)).toHaveLength(2);
    expect(await flow.readBackAgain(planId)).toMatch(/internal error \(HTTP 503\)/);
    down = false;
    const [first, second] = await Promise.allSettled([flow.readBackAgain(planId), flow.readBackAgain(planId)]);
    expect(first).toEqual({ status: 'fulfilled', value: null });
    expect(refusals([second])).toEqual(['This job is already being read back from Kitsu.']);
    const status = await flow.status(planId);
    expect(status.readBack?.duplicatesRemoved).toBe(4);
    for (const item of tasks) expect(sidekickComments(fake, item.id)).toHaveLength(1);
    // Read back once is enough: asking again neither reads nor deletes.
    down = true;
    expect(await flow.readBackAgain(planId)).toBeNull();
  });

  it('refuses to read back a job before it ran', async () => {
    const { startWorker } = setupFlow(tasks);
    const flow = startWorker();
    const { planId } = await flow.propose(commentAll());
    await expect(flow.readBackAgain(planId)).rejects.toThrow('Only a finished job can be read back from Kitsu.');
  });

  it('counts what Kitsu holds, not what the job recorded, and says where they differ', async () => {
    const { fake, session, startWorker } = setupFlow(tasks);
    const flow = startWorker();
    const { planId } = await flow.propose(commentAll());
    // A person deletes one of Sidekick's comments as soon as it lands, before the job ends.
    const batch = session.client.batchComment.bind(session.client);
    session.client.batchComment = async (...args: Parameters<typeof batch>) => {
      const posted = await batch(...args);
      const removed = posted.find((comment) => comment.object_id === 't2');
      if (removed) await fake.client.deleteComment('t2', removed.id).catch(() => {});
      return posted;
    };
    const status = await executeToDone(flow, planId);
    expect(status.progress).toMatchObject({ applied: 3, failed: 1 });
    expect(status.readBack?.mismatches).toEqual([
      't2 / Animation: recorded as applied, but Kitsu does not hold the change now.',
    ]);
  });

  it('sets a status back with a comment when undo leaves the task elsewhere', async () => {
    const { fake, startWorker } = setupFlow([task('t1', { task_status_id: STATUS.retake })]);
    const flow = startWorker();
    const { planId } = await flow.propose(
      plan([op.comment('c1', 't1', 'Done now.', { from: STATUS.retake, to: STATUS.done })]),
    );
    await executeToDone(flow, planId);
    const undo = await flow.undo(planId);
    const preview = await flow.preview(undo.planId ?? '');
    expect(preview.tasks[0]?.lines.map((line) => line.text).join('\n')).toMatch(/Status back to Retake/);
    await executeToDone(flow, undo.planId ?? '');
    // The retake was not set by a comment: zou falls back to Todo, Sidekick puts Retake back.
    expect((await fake.client.task('t1')).task_status_id).toBe(STATUS.retake);
    const comments = sidekickComments(fake, 't1');
    expect(comments).toHaveLength(1);
    expect(comments[0]?.text).toMatch(/^Status set back to what it was before/);
  });
});
