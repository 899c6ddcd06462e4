import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { KitsuApiError } from '../../lib/kitsu';
import { createAuditLog } from '../../lib/plans/audit';
import { executePlan, resumeJob } from '../../lib/plans/executor';
import { createJournal } from '../../lib/plans/journal';
import { DEFAULT_MARKER_TEMPLATE, hasMarker, operationRef, withMarker } from '../../lib/plans/marker';
import type { PlanClient } from '../../lib/plans/steps';
import { createFakeKitsu, type Fault } from '../../lib/plans/testing/fake-kitsu';
import { fakeSeed, op, plan, STATUS, task, ticking } from '../../lib/plans/testing/fixtures';

let stores = 0;
const LOCKED = 'Layout is locked.';

/** Kitsu whose answer to the next `failures` comment reads is unreadable (a garbled body through a proxy). */
function flakyReads(client: PlanClient, failures: number): PlanClient {
  let left = failures;
  return {
    ...client,
    taskComments: async (...args: Parameters<PlanClient['taskComments']>) => {
      if (left-- > 0) {
        throw new KitsuApiError({ kind: 'bad-response', route: 'GET /data/tasks/:taskId/comments', status: 200 });
      }
      return client.taskComments(...args);
    },
  };
}

/** A job whose worker died right after sending its one comment (`fault` says whether the comment landed). */
async function interruptedJob(fault: Fault['when']) {
  const fake = createFakeKitsu(fakeSeed([task('t1')], { now: ticking() }));
  const journal = createJournal(createStore(`read-back-journal-${++stores}`, 'jobs'));
  fake.inject({ route: 'POST /actions/tasks/:taskId/comment', when: fault, effect: 'hang' });
  void executePlan(plan([op.comment('c1', 't1', LOCKED)]), {
    client: fake.client,
    journal,
    operator: 'Mina',
    jobId: 'job-1',
  });
  for (let tries = 0; (await journal.get('job-1'))?.items.c1?.state !== 'started'; tries++) {
    if (tries > 200) throw new Error('the item never started');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await journal.markInterrupted();
  return { fake, journal };
}

/** Resumes the interrupted job while Kitsu's next `failures` answers to a comment read are unreadable. */
async function resumeThroughUnreadableKitsu(fault: Fault['when'], failures: number) {
  const { fake, journal } = await interruptedJob(fault);
  const client = flakyReads(fake.client, failures);
  const report = await resumeJob('job-1', { client, journal, landingMs: 0, readBackPauseMs: 1 });
  return { fake, report };
}

describe('a resumed job asks Kitsu again when its answer about a started item is unreadable', () => {
  it.each([
    ['landed', 'after', 1],
    ['never reached Kitsu', 'before', 1],
  ] as const)('settles an item that %s, once, instead of leaving it unsettled', async (_case, when, comments) => {
    const { fake, report } = await resumeThroughUnreadableKitsu(when, 2);
    expect(report.status).toBe('done');
    expect(report.items.c1?.state).toBe('applied');
    expect(fake.comments('t1').filter((comment) => hasMarker(comment.text))).toHaveLength(comments);
  });

  it('looks again, a landing time later, before writing again an item Kitsu shows nothing of', async () => {
    const { fake, journal } = await interruptedJob('before');
    // The dead worker's request reaches a loaded zou late: after the first look, before the second.
    let looks = 0;
    const client: PlanClient = {
      ...fake.client,
      taskComments: async (...args: Parameters<PlanClient['taskComments']>) => {
        const seen = await fake.client.taskComments(...args);
        if (++looks === 1) {
          const comment = withMarker(LOCKED, 'Mina', DEFAULT_MARKER_TEMPLATE, operationRef('job-1', 'c1'));
          await fake.client.commentTask('t1', { task_status_id: STATUS.wip, comment });
        }
        return seen;
      },
    };
    const report = await resumeJob('job-1', { client, journal, landingMs: 5, readBackPauseMs: 1 });
    expect(report.items.c1?.state).toBe('applied');
    expect(fake.comments('t1').filter((comment) => hasMarker(comment.text))).toHaveLength(1);
  });

  it('leaves the item started, and the job interrupted, when Kitsu stays unreadable', async () => {
    const { report } = await resumeThroughUnreadableKitsu('after', 10);
    expect(report.status).toBe('interrupted');
    expect(report.items.c1?.state).toBe('started');
  });
});

describe('the read-back deletes the copies Kitsu received twice, through the faults of a link that lost answers', () => {
  const route = 'DELETE /data/tasks/:taskId/comments/:commentId';
  const tasks = ['t1', 't2', 't3', 't4'].map((id) => task(id));
  const commentAll = () =>
    plan(tasks.map((item) => op.comment(`c-${item.id}`, item.id, LOCKED, { from: STATUS.wip, to: STATUS.wfa })));

  /** A job whose one batch Kitsu received twice, its deletes meeting `faults`; its report and audit. */
  async function replayedJob(faults: Omit<Fault, 'route'>[]) {
    const fake = createFakeKitsu(fakeSeed(tasks, { now: ticking() }));
    const journal = createJournal(createStore(`read-back-journal-${++stores}`, 'jobs'));
    const audit = createAuditLog(createStore(`read-back-audit-${++stores}`, 'records'));
    fake.inject({ route: 'POST /actions/projects/:projectId/tasks/comment-many', when: 'after', effect: 'replay' });
    for (const fault of faults) fake.inject({ route, ...fault });
    await executePlan(commentAll(), {
      client: fake.client,
      journal,
      audit,
      operator: 'Mina',
      jobId: 'job-1',
      readBackPauseMs: 1,
    });
    const posted = tasks.map((item) => fake.comments(item.id).filter((comment) => hasMarker(comment.text)).length);
    return { posted, report: await journal.report('job-1'), audit: await audit.list({}) };
  }

  it('tries a failed delete again, and counts a copy already gone as deleted', async () => {
    const { posted, report } = await replayedJob([
      // Deleted, then the answer lost: the delete sent again finds the copy gone (404).
      { when: 'after', effect: new KitsuApiError({ kind: 'network', route }) },
      { when: 'before', effect: new KitsuApiError({ kind: 'server', route, status: 503 }) },
      { when: 'before', effect: new KitsuApiError({ kind: 'server', route, status: 429 }) },
    ]);
    expect(posted).toEqual([1, 1, 1, 1]);
    expect(report).toMatchObject({ applied: 4, failed: 0, duplicatesRemoved: 4 });
  });

  it('says which copy Kitsu refused to delete, and why, and still counts from Kitsu', async () => {
    const { posted, report } = await replayedJob([
      { when: 'before', effect: new KitsuApiError({ kind: 'permission', route, status: 403 }) },
    ]);
    expect(posted).toEqual([2, 1, 1, 1]);
    expect(report).toMatchObject({ applied: 4, duplicatesRemoved: 3 });
    expect(report?.mismatches[0]).toMatch(
      /^t1 \/ Animation: .* 2 times .* could not delete the later copy, delete it in Kitsu: Kitsu refused/,
    );
  });

  it('says in the audit log why Kitsu could not be read back, when it stays unreadable', async () => {
    const unreadable = new KitsuApiError({ kind: 'server', route, status: 503 });
    const { posted, report, audit } = await replayedJob(Array(12).fill({ when: 'before', effect: unreadable }));
    expect(report).toBeUndefined();
    expect(posted).toEqual([2, 2, 2, 2]);
    const [line] = audit.filter((record) => record.kind === 'read-back');
    expect(line).toMatchObject({ result: 'failed' });
    expect(line?.reason).toMatch(
      /^Kitsu could not be read back after the job, .*: Kitsu had an internal error \(HTTP 503\)/,
    );
  });
});

describe('a batch Kitsu refused as overloaded (429, 503) runs again once Kitsu shows nothing of it', () => {
  const route = 'POST /actions/projects/:projectId/tasks/comment-many';
  const tasks = ['t1', 't2', 't3'].map((id) => task(id));
  const overloaded = (status: number) => ({
    when: 'before' as const,
    effect: new KitsuApiError({ kind: 'server', route, status }),
  });

  async function jobThrough(faults: Omit<Fault, 'route'>[]) {
    const fake = createFakeKitsu(fakeSeed(tasks, { now: ticking() }));
    const journal = createJournal(createStore(`read-back-journal-${++stores}`, 'jobs'));
    for (const fault of faults) fake.inject({ route, ...fault });
    const report = await executePlan(
      plan(tasks.map((item) => op.comment(`c-${item.id}`, item.id, LOCKED, { from: STATUS.wip, to: STATUS.wfa }))),
      { client: fake.client, journal, operator: 'Mina', jobId: 'job-1', readBackPauseMs: 1 },
    );
    const posted = tasks.map((item) => fake.comments(item.id).filter((comment) => hasMarker(comment.text)).length);
    const writes = fake.calls.filter((call) => call.route === route).length;
    return { report, posted, writes };
  }

  it('writes it again, checked afresh, and every item is applied once', async () => {
    const { report, posted, writes } = await jobThrough([overloaded(429), overloaded(503)]);
    expect(report.progress).toMatchObject({ applied: 3, failed: 0 });
    expect(posted).toEqual([1, 1, 1]);
    expect(writes).toBe(3);
  });

  it('fails the items with the reason after three refusals', async () => {
    const { report, posted, writes } = await jobThrough([overloaded(429), overloaded(429), overloaded(429)]);
    expect(report.progress).toMatchObject({ applied: 0, failed: 3 });
    expect(report.items['c-t1']?.reason).toMatch(/too many requests.*not on the task/i);
    expect(posted).toEqual([0, 0, 0]);
    expect(writes).toBe(3);
  });

  it('never writes again a batch whose answer was a 500: Kitsu may have acted on part of it', async () => {
    const { report, writes } = await jobThrough([
      { when: 'before', effect: new KitsuApiError({ kind: 'server', route, status: 500 }) },
    ]);
    expect(report.progress).toMatchObject({ applied: 0, failed: 3 });
    expect(writes).toBe(1);
  });
});
