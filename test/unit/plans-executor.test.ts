import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { KitsuApiError } from '../../lib/kitsu';
import { createAuditLog } from '../../lib/plans/audit';
import { executePlan, type Progress, resumeJob } from '../../lib/plans/executor';
import { createJournal } from '../../lib/plans/journal';
import { DEFAULT_MARKER_TEMPLATE, hasMarker, markerRef, operationRef, withMarker } from '../../lib/plans/marker';
import type { Operation } from '../../lib/plans/model';
import type { PlanClient } from '../../lib/plans/steps';
import { createFakeKitsu, type FakeKitsu } from '../../lib/plans/testing/fake-kitsu';
import {
  BOT,
  DEPT,
  fakeSeed,
  op,
  PERSON,
  PERSONS,
  plan,
  STATUS,
  STATUSES,
  task,
  ticking,
} from '../../lib/plans/testing/fixtures';

let storeCount = 0;
const freshJournal = () => createJournal(createStore(`executor-journal-${++storeCount}`, 'jobs'));
const freshAudit = () => createAuditLog(createStore(`executor-audit-${storeCount}`, 'records'));

const names = {
  status: (id: string) => STATUSES.find((status) => status.id === id)?.name,
  person: (id: string) => PERSONS.find((person) => person.id === id)?.full_name,
};

async function until(condition: () => boolean | Promise<boolean>) {
  for (let tries = 0; tries < 200; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not reached');
}

const sidekickComments = (fake: FakeKitsu, taskId: string) =>
  fake.comments(taskId).filter((comment) => hasMarker(comment.text));

function setup(taskList = Array.from({ length: 6 }, (_, index) => task(`t${index + 1}`)), overrides = {}) {
  const fake = createFakeKitsu(fakeSeed(taskList, { now: ticking(), ...overrides }));
  return { fake, journal: freshJournal(), audit: freshAudit() };
}

describe('executePlan', () => {
  it('applies every kind through the batch routes, verifies each item and records it', async () => {
    const { fake, journal, audit } = setup([
      ...Array.from({ length: 5 }, (_, index) => task(`c${index + 1}`)),
      task('a1'),
      task('a2', { assignees: [PERSON.ben] }),
      task('u1', { assignees: [PERSON.ana, PERSON.ben] }),
      task('x1', { assignees: [PERSON.ana] }),
      task('d1', { due_date: '2026-12-01T00:00:00' }),
      task('e1', { estimation: 960 }),
      task('p1'),
      task('p2'),
    ]);
    const operations: Operation[] = [
      ...Array.from({ length: 5 }, (_, index) =>
        op.comment(`c${index + 1}`, `c${index + 1}`, `Approved ${index + 1}`, { from: STATUS.wip, to: STATUS.done }),
      ),
      op.assign('a1', 'a1', PERSON.ana),
      op.assign('a2', 'a2', PERSON.ana, [PERSON.ben]),
      op.unassign('u1', 'u1', PERSON.ben, [PERSON.ana, PERSON.ben]),
      op.clear('x1', 'x1', [PERSON.ana]),
      op.due('d1', 'd1', '2026-12-01', '2026-12-08'),
      op.estimate('e1', 'e1', 960, 1440),
      op.priority('p1', 'p1', 0, 2),
      op.priority('p2', 'p2', 0, 2),
    ];
    const progress: Progress[] = [];
    const report = await executePlan(plan(operations), {
      client: fake.client,
      journal,
      audit,
      operator: 'Mina',
      jobId: 'job-1',
      onProgress: (event) => progress.push(event),
    });

    expect(report.status).toBe('done');
    expect(report.progress).toEqual({ done: 13, total: 13, applied: 13, skipped: 0, failed: 0 });
    expect(progress.at(-1)).toEqual(report.progress);
    expect(progress.map((event) => event.done)).toEqual([...progress.map((event) => event.done)].sort((a, b) => a - b));
    expect(fake.calls.map((call) => call.route).sort()).toEqual(
      [
        'POST /actions/projects/:projectId/tasks/comment-many',
        'PUT /actions/persons/:personId/assign',
        'PUT /actions/tasks/clear-assignation',
        'PUT /actions/tasks/clear-assignation',
        'PUT /actions/tasks/set-priority',
        'PUT /data/tasks/:taskId',
        'PUT /data/tasks/:taskId',
      ].sort(),
    );
    expect(fake.calls.find((call) => call.route.includes('assign'))?.taskIds).toEqual(['a1', 'a2']);
    expect(fake.calls.find((call) => call.route.includes('set-priority'))?.taskIds).toEqual(['p1', 'p2']);

    for (let index = 1; index <= 5; index++) {
      const [comment] = sidekickComments(fake, `c${index}`);
      expect(comment?.text).toContain(`Approved ${index}`);
      expect(comment?.text).toContain('confirmed by Mina');
      expect(markerRef(comment?.text)).toBe(operationRef('job-1', `c${index}`));
      expect((await fake.client.task(`c${index}`)).task_status_id).toBe(STATUS.done);
      expect(report.items[`c${index}`]?.result?.commentId).toBe(comment?.id);
    }
    expect((await fake.client.task('a2')).assignees).toEqual([PERSON.ben, PERSON.ana]);
    expect((await fake.client.task('u1')).assignees).toEqual([PERSON.ana]);
    expect((await fake.client.task('x1')).assignees).toEqual([]);
    expect((await fake.client.task('d1')).due_date).toBe('2026-12-08T00:00:00');
    expect((await fake.client.task('e1')).estimation).toBe(1440);
    expect((await fake.client.task('p2')).priority).toBe(2);

    const records = await audit.list({ jobId: 'job-1' });
    const itemRecords = records.filter((record) => record.kind !== 'read-back');
    expect(itemRecords).toHaveLength(13);
    expect(itemRecords.every((record) => record.result === 'applied' && record.operator === 'Mina')).toBe(true);
    expect(itemRecords.find((record) => record.operationId === 'e1')).toMatchObject({ before: 960, after: 1440 });
    // The job's line in the log counts what Kitsu held when it ended, read back in batches.
    expect(records.filter((record) => record.kind === 'read-back')).toEqual([
      expect.objectContaining({ result: 'checked', after: { applied: 13, skipped: 0, failed: 0 } }),
    ]);
    expect(await journal.report('job-1')).toMatchObject({
      applied: 13,
      failed: 0,
      duplicatesRemoved: 0,
      mismatches: [],
    });
    expect((await journal.get('job-1'))?.status).toBe('done');
  });

  it('reports tasks a bulk route skipped silently as skipped, not applied', async () => {
    const tasks = [
      task('anim1'),
      task('layout1', { task_type_id: 'tt-layout' }),
      task('layout2', { task_type_id: 'tt-layout' }),
    ];
    const { fake, journal } = setup(tasks, {
      caller: { id: 'person-bot', role: 'supervisor', departments: [DEPT.layout] },
    });
    const report = await executePlan(
      plan([
        ...tasks.map((item) => op.comment(`c-${item.id}`, item.id, 'Check this')),
        ...tasks.map((item) => op.priority(`p-${item.id}`, item.id, 0, 1)),
      ]),
      { client: fake.client, journal, operator: 'Mina' },
    );
    expect(report.progress).toMatchObject({ applied: 4, skipped: 2, failed: 0 });
    for (const id of ['c-anim1', 'p-anim1']) {
      expect(report.items[id]).toMatchObject({ state: 'skipped', reason: expect.stringContaining('without an error') });
    }
    expect(fake.comments('anim1')).toEqual([]);
    expect((await fake.client.task('anim1')).priority).toBe(0);
    expect(sidekickComments(fake, 'layout2')).toHaveLength(1);
  });

  it('skips, with who and what changed, an item a person changed since the preview', async () => {
    const { fake, journal } = setup();
    fake.commentAs(PERSON.ana, 't1', STATUS.wfa, 'Ready for review');
    fake.edit('t2', { assignees: [PERSON.chloe], assigner_id: PERSON.dan });
    const report = await executePlan(
      plan([
        op.comment('c1', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done }),
        op.assign('a2', 't2', PERSON.ana, []),
        op.comment('c3', 't3', 'Approved', { from: STATUS.wip, to: STATUS.done }),
      ]),
      { client: fake.client, journal, operator: 'Mina', names },
    );
    expect(report.items.c1).toMatchObject({
      state: 'skipped',
      reason: 'Status changed from WIP to Waiting For Approval since the preview (by Ana Lima)',
    });
    expect(report.items.a2).toMatchObject({
      state: 'skipped',
      reason: 'Assignees changed from nobody to Chloe Dubois since the preview (by Dan Park)',
    });
    expect(report.items.c3?.state).toBe('applied');
    expect(sidekickComments(fake, 't1')).toEqual([]);
    expect((await fake.client.task('t2')).assignees).toEqual([PERSON.chloe]);
  });

  it("checks later operations on a task against what the job's earlier ones wrote", async () => {
    const { fake, journal } = setup();
    const first = op.comment('c1', 't1', 'Sent to review', { from: STATUS.wip, to: STATUS.wfa });
    const second = op.comment('c2', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done });
    for (const item of [first, second]) item.preconditions.lastCommentDate = null;
    const report = await executePlan(plan([first, second, op.priority('p1', 't1', 0, 3)]), {
      client: fake.client,
      journal,
      operator: 'Mina',
    });
    expect(report.progress.applied).toBe(3);
    expect(sidekickComments(fake, 't1').map((comment) => comment.task_status_id)).toEqual([STATUS.done, STATUS.wfa]);
    expect(await fake.client.task('t1')).toMatchObject({ task_status_id: STATUS.done, priority: 3 });
  });

  it('never retries a write: a timeout is settled by reading Kitsu back', async () => {
    const { fake, journal } = setup();
    const timeout = (route: string) => new KitsuApiError({ kind: 'timeout', route });
    fake.inject({ route: 'PUT /data/tasks/:taskId', when: 'after', effect: timeout('PUT /data/tasks/:taskId') });
    const landed = await executePlan(plan([op.estimate('e1', 't1', null, 480)]), {
      client: fake.client,
      journal,
      operator: 'Mina',
      landingMs: 0,
    });
    expect(landed.items.e1?.state).toBe('applied');

    fake.inject({ route: 'PUT /data/tasks/:taskId', when: 'before', effect: timeout('PUT /data/tasks/:taskId') });
    const lost = await executePlan(plan([op.estimate('e2', 't2', null, 480)], { id: 'plan-2' }), {
      client: fake.client,
      journal,
      operator: 'Mina',
      landingMs: 0,
    });
    expect(lost.items.e2).toMatchObject({ state: 'failed', reason: expect.stringContaining('not on the task') });
    expect((await fake.client.task('t2')).estimation).toBeNull();
    expect(fake.calls.filter((call) => call.taskIds.includes('t2'))).toHaveLength(1);
  });

  it('settles a bulk comment that failed half-way item by item', async () => {
    const { fake, journal } = setup([task('t1'), task('t2')], {
      caller: { id: PERSON.ana, role: 'user', departments: [DEPT.animation] },
    });
    fake.edit('t1', { assignees: [PERSON.ana] });
    fake.edit('t2', { assignees: [PERSON.ana] });
    // Artists may not set Done: zou creates the first comment, then refuses the second.
    const report = await executePlan(
      plan([
        op.comment('c1', 't1', 'Started', { from: STATUS.wip, to: STATUS.wfa }),
        op.comment('c2', 't2', 'Finished', { from: STATUS.wip, to: STATUS.done }),
      ]),
      { client: fake.client, journal, operator: 'Ana' },
    );
    expect(report.items.c1?.state).toBe('applied');
    expect(report.items.c2).toMatchObject({ state: 'failed', reason: expect.stringContaining('refused') });
    expect(sidekickComments(fake, 't2')).toEqual([]);
  });

  it('fails a refused single write with a reason and does not retry it', async () => {
    const { fake, journal } = setup();
    fake.inject({
      route: 'PUT /data/tasks/:taskId',
      when: 'before',
      effect: new KitsuApiError({ kind: 'permission', route: 'PUT /data/tasks/:taskId', status: 403 }),
    });
    const report = await executePlan(plan([op.due('d1', 't1', null, '2027-01-04')]), {
      client: fake.client,
      journal,
      operator: 'Mina',
    });
    expect(report.items.d1).toMatchObject({ state: 'failed', reason: expect.stringContaining('refused') });
    expect(fake.calls).toHaveLength(1);
  });

  it('skips operations the impact blocked before confirming, without calling Kitsu', async () => {
    const { fake, journal, audit } = setup();
    const report = await executePlan(plan([op.priority('p1', 't1', 0, 1), op.priority('p2', 't2', 0, 1)]), {
      client: fake.client,
      journal,
      audit,
      operator: 'Mina',
      preSkipped: { p1: 'the token may not change this task' },
    });
    expect(report.items.p1).toMatchObject({
      state: 'skipped',
      reason: 'Skipped before confirming: the token may not change this task',
    });
    expect(fake.calls.flatMap((call) => call.taskIds)).toEqual(['t2']);
    expect((await audit.list()).map((record) => [record.operationId, record.result])).toEqual(
      expect.arrayContaining([
        ['p1', 'skipped'],
        ['p2', 'applied'],
      ]),
    );
  });

  it('stops starting items when cancelled, and a resume finishes the rest', async () => {
    const { fake, journal } = setup();
    const controller = new AbortController();
    const operations = Array.from({ length: 6 }, (_, index) => op.estimate(`e${index + 1}`, `t${index + 1}`, null, 60));
    const report = await executePlan(plan(operations), {
      client: fake.client,
      journal,
      operator: 'Mina',
      concurrency: 1,
      jobId: 'job-cancel',
      signal: controller.signal,
      onProgress: (event) => {
        if (event.applied === 2) controller.abort();
      },
    });
    expect(report.status).toBe('cancelled');
    expect(report.progress).toMatchObject({ applied: 2, done: 2 });
    expect(fake.calls).toHaveLength(2);

    const resumed = await resumeJob('job-cancel', { client: fake.client, journal });
    expect(resumed.status).toBe('done');
    expect(resumed.progress.applied).toBe(6);
    expect(fake.calls).toHaveLength(6);
  });

  it('keeps requests in flight within the concurrency bound', async () => {
    const { fake, journal } = setup(Array.from({ length: 12 }, (_, index) => task(`t${index + 1}`)));
    let inFlight = 0;
    let peak = 0;
    const tracked = Object.fromEntries(
      Object.entries(fake.client).map(([name, method]) => [
        name,
        async (...args: unknown[]) => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 2));
          try {
            return await (method as (...rest: unknown[]) => Promise<unknown>)(...args);
          } finally {
            inFlight -= 1;
          }
        },
      ]),
    ) as unknown as PlanClient;
    const operations = Array.from({ length: 12 }, (_, index) => op.estimate(`e${index}`, `t${index + 1}`, null, 60));
    const report = await executePlan(plan(operations), { client: tracked, journal, operator: 'Mina', concurrency: 3 });
    expect(report.progress.applied).toBe(12);
    expect(peak).toBe(3);
  });
});

describe('re-checks in batches', () => {
  it('reads the fresh state of a batch of items in one list read, not one request per task', async () => {
    const { fake, journal } = setup(Array.from({ length: 40 }, (_, index) => task(`t${index + 1}`)));
    const single = fake.client.task.bind(fake.client);
    let singleReads = 0;
    fake.client.task = async (taskId) => {
      singleReads += 1;
      return single(taskId);
    };
    const operations = Array.from({ length: 40 }, (_, index) => op.comment(`c${index + 1}`, `t${index + 1}`, 'Go.'));
    const report = await executePlan(plan(operations), {
      client: fake.client,
      journal,
      operator: 'Mina',
      batchSize: 20,
    });
    expect(report.progress).toMatchObject({ applied: 40, failed: 0 });
    expect(singleReads).toBe(0);
    expect(fake.reads.filter((read) => read.route === 'GET /data/tasks').map((read) => read.taskIds.length)).toEqual([
      20, 20,
    ]);
    // Two batched writes; the read-back of the whole job is one page of the production's comments.
    expect(fake.calls).toHaveLength(2);
    expect(fake.reads.filter((read) => read.route.endsWith('/comments'))).toHaveLength(1);
  });

  it('reads a batch again when its check is more than 5 s old at write time, and sees a change made meanwhile', async () => {
    const clock = { now: Date.parse('2026-11-20T10:00:00Z') };
    const { fake, journal } = setup([task('t1'), task('t2'), task('t3')]);
    // A person changes t1 before the job; naming who did it reads t1's comments, slowly, while
    // someone else changes t3: the write of t2 and t3 must not rely on the first read.
    fake.commentAs(PERSON.ana, 't1', STATUS.done, 'Done by hand.');
    const comments = fake.client.taskComments.bind(fake.client);
    fake.client.taskComments = async (taskId) => {
      clock.now += 6_000;
      fake.edit('t3', { task_status_id: STATUS.retake });
      return comments(taskId);
    };
    const report = await executePlan(
      plan(['t1', 't2', 't3'].map((id) => op.comment(`c-${id}`, id, 'Go.', { from: STATUS.wip, to: STATUS.wfa }))),
      { client: fake.client, journal, operator: 'Mina', now: () => new Date(clock.now) },
    );
    expect(fake.reads.filter((read) => read.route === 'GET /data/tasks').map((read) => read.taskIds)).toEqual([
      ['t1', 't2', 't3'],
      ['t2', 't3'],
      // Naming who changed t3 took 6 s more: t2 is read once again before its write.
      ['t2'],
    ]);
    expect(report.items['c-t2']?.state).toBe('applied');
    expect(report.items['c-t3']).toMatchObject({ state: 'skipped' });
    expect(sidekickComments(fake, 't3')).toHaveLength(0);
  });
});

describe('resumeJob after a worker crash', () => {
  it('never posts a comment twice', async () => {
    const { fake, journal } = setup();
    const operations = Array.from({ length: 6 }, (_, index) =>
      op.comment(`c${index + 1}`, `t${index + 1}`, `Note ${index + 1}`, { from: STATUS.wip, to: STATUS.wfa }),
    );
    // The first batch lands in Kitsu, then the worker dies before hearing the answer.
    fake.inject({ route: 'POST /actions/projects/:projectId/tasks/comment-many', when: 'after', effect: 'hang' });
    const options = {
      client: fake.client,
      journal,
      operator: 'Mina',
      jobId: 'job-crash',
      batchSize: 2,
      concurrency: 1,
    };
    void executePlan(plan(operations), options);
    await until(async () => (await journal.get('job-crash'))?.items.c2?.state === 'started');

    const [interrupted] = await journal.markInterrupted();
    expect(interrupted?.jobId).toBe('job-crash');
    expect(Object.values(interrupted?.items ?? {}).map((item) => item.state)).toEqual([
      'started',
      'started',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);

    const report = await resumeJob('job-crash', {
      client: fake.client,
      journal: freshJournalSameStore(),
      batchSize: 2,
      landingMs: 0,
    });
    expect(report.status).toBe('done');
    expect(report.progress.applied).toBe(6);
    for (let index = 1; index <= 6; index++) expect(sidekickComments(fake, `t${index}`)).toHaveLength(1);
    expect(report.items.c1?.result?.commentId).toBe(sidekickComments(fake, 't1')[0]?.id);
  });

  it('runs again, once, an item that was started but never reached Kitsu', async () => {
    const { fake, journal } = await startCommentThatNeverReachesKitsu('job-lost');
    const report = await resumeJob('job-lost', { client: fake.client, journal, landingMs: 0 });
    expect(report.items.c1?.state).toBe('applied');
    expect(sidekickComments(fake, 't1')).toHaveLength(1);
  });

  it('lets a write the dead worker sent land before reading it back, so it is not written again', async () => {
    const { fake, journal } = await startCommentThatNeverReachesKitsu('job-late');
    // zou still handles the request of the worker that died: its comment appears a moment after the restart.
    const posted = withMarker('Only once', 'Mina', DEFAULT_MARKER_TEMPLATE, operationRef('job-late', 'c1'));
    setTimeout(() => fake.commentAs(BOT, 't1', STATUS.wip, posted), 30);

    const report = await resumeJob('job-late', { client: fake.client, journal, landingMs: 150 });
    expect(report.items.c1?.state).toBe('applied');
    expect(sidekickComments(fake, 't1')).toHaveLength(1);
    expect(fake.calls.filter((call) => call.route === 'POST /actions/tasks/:taskId/comment')).toHaveLength(1);
  });
});

/**
 * Starts a one-comment job whose write hangs before it reaches Kitsu, and waits until the journal marks the
 * item started: what a worker that died mid-write leaves behind.
 */
async function startCommentThatNeverReachesKitsu(jobId: string) {
  const { fake, journal } = setup();
  fake.inject({ route: 'POST /actions/tasks/:taskId/comment', when: 'before', effect: 'hang' });
  void executePlan(plan([op.comment('c1', 't1', 'Only once')]), {
    client: fake.client,
    journal,
    operator: 'Mina',
    jobId,
  });
  await until(async () => (await journal.get(jobId))?.items.c1?.state === 'started');
  return { fake, journal };
}

/** The journal a restarted worker opens: same database, new objects. */
function freshJournalSameStore() {
  return createJournal(createStore(`executor-journal-${storeCount}`, 'jobs'));
}
