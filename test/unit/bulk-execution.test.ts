// Bulk plans run through the real executor against the fake zou: what the operations rely on
// (preconditions, order of operations on a task) holds when the writes happen.
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import type { SelectedTask } from '../../lib/bulk/selection';
import { bulkOperation } from '../../lib/bulk/service';
import { KitsuApiError, type Task } from '../../lib/kitsu';
import { executePlan } from '../../lib/plans/executor';
import { createJournal } from '../../lib/plans/journal';
import { createFakeKitsu } from '../../lib/plans/testing/fake-kitsu';
import { DEPT, fakeSeed, HOST, PERSON, PERSONS, PROJECT, task, ticking } from '../../lib/plans/testing/fixtures';
import { buildUndoPlan } from '../../lib/plans/undo';
import { contextFor } from './bulk-fixtures';

let stores = 0;

/** The list view's task as a bulk selection sees it. */
const selected = (row: Task): SelectedTask => ({
  taskId: row.id,
  projectId: PROJECT,
  entityId: row.entity_id,
  entityName: row.entity_id.toUpperCase(),
  entityType: 'shot',
  episodeId: null,
  sequenceName: null,
  taskTypeId: row.task_type_id,
  statusId: row.task_status_id,
  assigneeIds: [...row.assignees].sort(),
  dueDate: row.due_date?.slice(0, 10) ?? null,
  startDate: row.start_date?.slice(0, 10) ?? null,
  estimation: row.estimation,
  priority: row.priority,
  lastCommentDate: row.last_comment_date,
});

async function run(rows: Task[], operationId: string, input: unknown, caller = fakeSeed([]).caller) {
  const fake = createFakeKitsu(fakeSeed(rows, { now: ticking(), caller }));
  const plan = bulkOperation(operationId)?.plan(
    input,
    contextFor(rows.map(selected), {
      host: HOST,
      personNames: new Map(PERSONS.map((person) => [person.id, person.full_name])),
    }),
  );
  if (!plan) throw new Error(`no operation ${operationId}`);
  const journal = createJournal(createStore(`bulk-execution-${++stores}`, 'jobs'));
  const report = await executePlan(plan, { client: fake.client, journal, operator: 'Ada' });
  const assignees = async (taskId: string) => [...(await fake.client.task(taskId)).assignees].sort();
  return { fake, report, assignees, journal };
}

describe('bulk plans through the executor', () => {
  it('unassigns one of several assignees and keeps the others', async () => {
    const { report, assignees } = await run(
      [
        task('t1', { assignees: [PERSON.ana, PERSON.ben, PERSON.chloe] }),
        task('t2', { assignees: [PERSON.ben, PERSON.ana] }),
        task('t3', { assignees: [PERSON.chloe] }),
      ],
      'unassign',
      { personId: PERSON.ana },
    );
    expect(report.progress).toMatchObject({ applied: 2, skipped: 0, failed: 0, total: 2 });
    expect(await assignees('t1')).toEqual([PERSON.ben, PERSON.chloe].sort());
    expect(await assignees('t2')).toEqual([PERSON.ben]);
    expect(await assignees('t3')).toEqual([PERSON.chloe]);
  });

  it('replaces A by B, also where B was already assigned', async () => {
    const { report, assignees } = await run(
      [task('t1', { assignees: [PERSON.ana, PERSON.dan] }), task('t2', { assignees: [PERSON.ana, PERSON.chloe] })],
      'replace-assignee',
      { fromPersonId: PERSON.ana, toPersonId: PERSON.chloe },
    );
    expect(report.status).toBe('done');
    expect(report.progress).toMatchObject({ applied: 3, skipped: 0, failed: 0 });
    expect(await assignees('t1')).toEqual([PERSON.chloe, PERSON.dan].sort());
    expect(await assignees('t2')).toEqual([PERSON.chloe]);
  });

  it('keeps A on a task where Kitsu did not add B, instead of leaving it with nobody', async () => {
    // A supervisor of Animation may not assign Ben (Layout) on an Animation task: zou skips it silently.
    const { report, assignees } = await run(
      [task('t1', { assignees: [PERSON.ana] })],
      'replace-assignee',
      { fromPersonId: PERSON.ana, toPersonId: PERSON.ben },
      { id: 'person-bot', role: 'supervisor', departments: [DEPT.animation] },
    );
    expect(report.progress).toMatchObject({ applied: 0, skipped: 2 });
    expect(await assignees('t1')).toEqual([PERSON.ana]);
  });

  it('shifts due dates by working days, and the undo plan puts them back', async () => {
    const rows = [
      task('t1', { due_date: '2026-11-27T00:00:00' }),
      task('t2', { due_date: '2026-12-31T00:00:00', start_date: '2026-12-01T00:00:00' }),
    ];
    const { fake, report, journal } = await run(rows, 'set-dates', { mode: 'shift', days: 3, fields: ['due'] });
    expect(report.progress).toMatchObject({ applied: 2, failed: 0 });
    expect((await fake.client.task('t1')).due_date?.slice(0, 10)).toBe('2026-12-02');
    expect((await fake.client.task('t2')).due_date?.slice(0, 10)).toBe('2027-01-05');
    expect((await fake.client.task('t2')).start_date?.slice(0, 10)).toBe('2026-12-01');

    const job = await journal.get(report.jobId);
    if (!job) throw new Error('the job is in the journal');
    const undo = buildUndoPlan(job, { id: 'undo-1', now: new Date('2026-11-29T12:00:00Z') }).plan;
    if (!undo) throw new Error('a shift can be undone');
    const undone = await executePlan(undo, { client: fake.client, journal, operator: 'Ada' });
    expect(undone.progress).toMatchObject({ applied: 2, failed: 0 });
    expect((await fake.client.task('t1')).due_date?.slice(0, 10)).toBe('2026-11-27');
    expect((await fake.client.task('t2')).due_date?.slice(0, 10)).toBe('2026-12-31');
  });
});

describe('large bulk plans on a slow Kitsu', () => {
  it('a write that timed out but lands later is applied, not reported "not on the task"', async () => {
    const rows = [task('t1', { due_date: '2026-11-27T00:00:00' })];
    const fake = createFakeKitsu(fakeSeed(rows, { now: ticking() }));
    const plan = bulkOperation('set-dates')?.plan(
      { mode: 'shift', days: 1, fields: ['due'] },
      contextFor(rows.map(selected), { host: HOST }),
    );
    if (!plan) throw new Error('a plan');
    // zou gets the request, the client gives up waiting, zou finishes the write a little later: once the
    // client has its timeout, never before (a timer started with the test raced the executor's own start
    // and landed before the write, which then read as a person's change).
    const route = 'PUT /data/tasks/:taskId';
    fake.inject({ route, when: 'before', effect: new KitsuApiError({ kind: 'timeout', route }) });
    const client = {
      ...fake.client,
      updateTask: async (...args: Parameters<typeof fake.client.updateTask>) => {
        try {
          return await fake.client.updateTask(...args);
        } finally {
          setTimeout(() => fake.edit('t1', { due_date: '2026-11-30T00:00:00' }), 0);
        }
      },
    };
    const journal = createJournal(createStore(`bulk-execution-${++stores}`, 'jobs'));
    const report = await executePlan(plan, { client, journal, operator: 'Ada', landingMs: 50 });
    expect(report.progress).toMatchObject({ applied: 1, failed: 0 });
    expect(fake.calls.filter((call) => call.taskIds.includes('t1'))).toHaveLength(1);
  });
});
