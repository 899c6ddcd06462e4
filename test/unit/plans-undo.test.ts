import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { executePlan } from '../../lib/plans/executor';
import { createJournal, type Job } from '../../lib/plans/journal';
import { hasMarker } from '../../lib/plans/marker';
import { createFakeKitsu } from '../../lib/plans/testing/fake-kitsu';
import { fakeSeed, op, PERSON, plan, STATUS, task, ticking } from '../../lib/plans/testing/fixtures';
import { buildUndoPlan } from '../../lib/plans/undo';

let count = 0;
const journal = () => createJournal(createStore(`undo-test-${++count}`, 'jobs'));
const now = new Date('2026-11-21T09:00:00Z');

function finishedJob(operations: Parameters<typeof plan>[0], items: Job['items']): Job {
  return {
    jobId: 'job-1',
    planId: 'plan-1',
    plan: plan(operations),
    operator: 'Mina',
    markerTemplate: '',
    createdAt: now.toISOString(),
    status: 'done',
    items,
  };
}

const applied = (result = {}) => ({ state: 'applied' as const, result, at: now.toISOString() });

describe('buildUndoPlan', () => {
  it('inverts applied items, newest first, expecting the state the job left', () => {
    const job = finishedJob(
      [
        op.comment('c1', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done }),
        op.assign('a1', 't1', PERSON.ana, [PERSON.ben]),
        op.clear('x1', 't2', [PERSON.chloe, PERSON.ana]),
        op.due('d1', 't3', '2026-12-01', '2026-12-08'),
        op.estimate('e1', 't3', 480, 960),
        op.priority('p1', 't4', 0, 3),
        op.priority('p2', 't5', 0, 3),
      ],
      {
        c1: applied({ commentId: 'cm1', commentDate: '2026-11-20T10:00:01' }),
        a1: applied({ assignees: [PERSON.ana, PERSON.ben].sort() }),
        x1: applied(),
        d1: applied(),
        e1: applied(),
        p1: applied(),
        p2: { state: 'skipped', reason: 'changed', at: now.toISOString() },
      },
    );
    const { plan: undo } = buildUndoPlan(job, { id: 'undo-1', now });
    expect(undo).toMatchObject({ id: 'undo-1', title: 'Undo: Test plan', origin: { kind: 'undo', id: 'job-1' } });
    expect(undo?.operations).toEqual([
      expect.objectContaining({
        id: 'undo-p1',
        kind: 'set-priority',
        before: 3,
        after: 0,
        preconditions: { priority: 3 },
      }),
      expect.objectContaining({ kind: 'set-estimate', before: 960, after: 480, preconditions: { estimation: 960 } }),
      expect.objectContaining({
        kind: 'set-dates',
        due: { before: '2026-12-08', after: '2026-12-01' },
        preconditions: { dueDate: '2026-12-08' },
      }),
      expect.objectContaining({
        id: 'undo-x1-0',
        kind: 'assign',
        personId: PERSON.ana,
        preconditions: { assigneeIds: [] },
      }),
      expect.objectContaining({
        id: 'undo-x1-1',
        kind: 'assign',
        personId: PERSON.chloe,
        preconditions: { assigneeIds: [PERSON.ana] },
      }),
      expect.objectContaining({
        kind: 'unassign',
        personId: PERSON.ana,
        preconditions: { assigneeIds: [PERSON.ana, PERSON.ben].sort() },
      }),
      expect.objectContaining({
        kind: 'delete-comment',
        commentId: 'cm1',
        statusBefore: STATUS.wip,
        preconditions: { statusId: STATUS.done, lastCommentDate: '2026-11-20T10:00:01' },
      }),
    ]);
  });

  it('says what Kitsu cannot take back', () => {
    const job = finishedJob(
      [
        op.comment('c1', 't1', 'Fix it #layout', { from: STATUS.wip, to: STATUS.retake }),
        op.assign('a1', 't2', PERSON.ana),
      ],
      { c1: applied({ commentId: 'cm1' }), a1: applied() },
    );
    const { notUndoable } = buildUndoPlan(job, { id: 'u', now });
    expect(notUndoable).toHaveLength(5);
    expect(notUndoable.join('\n')).toMatch(/Notifications already sent for 1 comment/);
    expect(notUndoable.join('\n')).toMatch(/recomputes the status/);
    expect(notUndoable.join('\n')).toMatch(/status automations/);
    expect(notUndoable.join('\n')).toMatch(/#hashtags/);
    expect(notUndoable.join('\n')).toMatch(/stay in it/);
  });

  it('has nothing to undo for no-op assignments or jobs where nothing applied', () => {
    const job = finishedJob([op.assign('a1', 't1', PERSON.ana, [PERSON.ana]), op.priority('p1', 't2', 0, 1)], {
      a1: applied(),
      p1: { state: 'failed', reason: 'refused', at: now.toISOString() },
    });
    expect(buildUndoPlan(job, { id: 'u', now }).plan).toBeNull();
  });
});

describe('undo, executed', () => {
  it('restores the previous state through the executor', async () => {
    const tasks = [
      task('t1', { task_status_id: STATUS.wip }),
      task('t2', { assignees: [PERSON.ana, PERSON.ben] }),
      task('t3', { due_date: '2026-12-01T00:00:00', estimation: 480, priority: 1 }),
    ];
    const fake = createFakeKitsu(fakeSeed(tasks, { now: ticking() }));
    fake.commentAs(PERSON.ana, 't1', STATUS.wip, 'Started');
    const before = await Promise.all(['t1', 't2', 't3'].map((id) => fake.client.task(id)));
    const store = journal();
    const done = await executePlan(
      plan([
        op.comment('c1', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done }),
        op.clear('x2', 't2', [PERSON.ana, PERSON.ben]),
        op.assign('a2', 't2', PERSON.chloe, [PERSON.ana, PERSON.ben]),
        op.due('d3', 't3', '2026-12-01', '2026-12-15'),
        op.estimate('e3', 't3', 480, 600),
        op.priority('p3', 't3', 1, 3),
      ]),
      { client: fake.client, journal: store, operator: 'Mina', jobId: 'job-1' },
    );
    // The assign runs after the clear on the same task and is checked against what the clear wrote.
    expect(done.progress).toMatchObject({ applied: 6, skipped: 0, failed: 0 });
    expect((await fake.client.task('t2')).assignees).toEqual([PERSON.chloe]);
    const job = (await store.get('job-1')) as Job;
    const { plan: undo } = buildUndoPlan(job, { id: 'undo-1', now });
    if (!undo) throw new Error('expected an undo plan');
    const undone = await executePlan(undo, { client: fake.client, journal: store, operator: 'Mina' });
    expect(undone.progress).toMatchObject({ failed: 0, skipped: 0 });
    const after = await Promise.all(['t1', 't2', 't3'].map((id) => fake.client.task(id)));
    expect(after).toEqual(before.map((item, index) => ({ ...item, assigner_id: after[index]?.assigner_id })));
    expect(fake.comments('t1').filter((comment) => hasMarker(comment.text))).toEqual([]);
  });

  it('skips undoing what a person changed after the job', async () => {
    const fake = createFakeKitsu(fakeSeed([task('t1')], { now: ticking() }));
    const store = journal();
    await executePlan(plan([op.comment('c1', 't1', 'Approved', { from: STATUS.wip, to: STATUS.done })]), {
      client: fake.client,
      journal: store,
      operator: 'Mina',
      jobId: 'job-1',
    });
    fake.commentAs(PERSON.ana, 't1', STATUS.retake, 'Not so fast');
    const { plan: undo } = buildUndoPlan((await store.get('job-1')) as Job, { id: 'undo-1', now });
    if (!undo) throw new Error('expected an undo plan');
    const undone = await executePlan(undo, { client: fake.client, journal: store, operator: 'Mina' });
    expect(undone.items['undo-c1']).toMatchObject({
      state: 'skipped',
      reason: expect.stringContaining('Status changed'),
    });
    expect(fake.comments('t1')).toHaveLength(2);
  });
});
