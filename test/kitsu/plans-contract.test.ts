// Plans against the real zou of `npm run kitsu:up`, through the front door:
// a plan executed by the writer bot lands with the marker, a change made by
// someone between build and execute is skipped, and the undo plan restores
// the seed. The same inputs are also played on the in-memory fake Kitsu the
// unit tests use, and both must answer alike.
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKitsuClient, KitsuApiError, type KitsuClient, type Task } from '../../lib/kitsu';
import { executePlan, type JobReport } from '../../lib/plans/executor';
import { createJournal, type Job } from '../../lib/plans/journal';
import { hasMarker, markerRef, operationRef } from '../../lib/plans/marker';
import type { Operation, Plan } from '../../lib/plans/model';
import type { PlanClient } from '../../lib/plans/steps';
import { createFakeKitsu } from '../../lib/plans/testing/fake-kitsu';
import { buildUndoPlan } from '../../lib/plans/undo';
import { adminToken, stack, zou } from './stack';

const projectId = stack.production.id;
const clientFor = (token: string) => createKitsuClient({ origin: stack.frontDoor, token, maxRetries: 1 });
const writer = clientFor(stack.bots.writer.token);
const reader = clientFor(stack.bots.reader.token);
const journal = createJournal(createStore('plans-contract-journal', 'jobs'));
const artists = stack.persons.filter((person) => person.role === 'user');

/** A task whose status comes from its newest comment: posting and deleting a comment leaves it as it was. */
async function stableTasks(count: number, page: number): Promise<Task[]> {
  const found: Task[] = [];
  const { data } = await writer.openTasks({ project_id: projectId, limit: 60, page });
  for (const candidate of data) {
    const [newest] = await writer.taskComments(candidate.id);
    if (newest?.task_status_id === candidate.task_status_id && candidate.task_status_id) found.push(candidate);
    if (found.length === count) return Promise.all(found.map((task) => writer.task(task.id)));
  }
  throw new Error(`not enough stable tasks on page ${page}`);
}

const label = (task: Task) => `${task.entity_id.slice(0, 8)} / ${task.task_type_id.slice(0, 8)}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('a plan on the real zou', () => {
  let tasks: Task[];
  let statuses: { wip: string; wfa: string };
  let snapshot: Task[];
  let report: JobReport;
  let plan: Plan;

  beforeAll(async () => {
    tasks = await stableTasks(8, 5);
    snapshot = structuredClone(tasks);
    const all = await writer.taskStatuses();
    const byShort = (name: string) => all.find((status) => status.short_name === name)?.id ?? '';
    statuses = { wip: byShort('wip'), wfa: byShort('wfa') };
  });

  afterAll(async () => {
    // Whatever happened above, leave the seed as it was.
    for (const task of snapshot) {
      for (const comment of await writer.taskComments(task.id)) {
        if (hasMarker(comment.text)) await writer.deleteComment(task.id, comment.id);
      }
      const now = await writer.task(task.id);
      for (const person of now.assignees.filter((id) => !task.assignees.includes(id))) {
        await writer.clearAssignation([task.id], person);
      }
      await writer.updateTask(task.id, { due_date: task.due_date?.slice(0, 10) ?? null, priority: task.priority });
    }
  });

  it('executes comments with status changes, an assignment and a due date, with the marker', async () => {
    const [c1, c2, c3, c4, c5, assignTask, dueTask, guarded] = tasks as [
      Task,
      Task,
      Task,
      Task,
      Task,
      Task,
      Task,
      Task,
    ];
    const artist = artists.find((person) => !assignTask.assignees.includes(person.id));
    if (!artist) throw new Error('no artist to assign');
    const comment = (task: Task, index: number): Operation => {
      const to = task.task_status_id === statuses.wfa ? statuses.wip : statuses.wfa;
      return {
        id: `comment-${index}`,
        taskId: task.id,
        taskLabel: label(task),
        kind: 'comment',
        text: `Sidekick plans contract test ${index}: this comment is removed by the undo plan.`,
        statusBefore: task.task_status_id,
        statusAfter: to,
        preconditions: { statusId: task.task_status_id, lastCommentDate: task.last_comment_date },
      };
    };
    plan = {
      id: `contract-${Date.now()}`,
      title: 'Plans contract test',
      origin: { kind: 'bulk', id: 'contract' },
      createdAt: new Date().toISOString(),
      host: stack.frontDoor,
      projectId,
      operations: [
        ...[c1, c2, c3, c4, c5].map(comment),
        {
          id: 'assign',
          taskId: assignTask.id,
          taskLabel: label(assignTask),
          kind: 'assign',
          personId: artist.id,
          assigneesBefore: [...assignTask.assignees].sort(),
          preconditions: { assigneeIds: [...assignTask.assignees].sort() },
        },
        {
          id: 'due',
          taskId: dueTask.id,
          taskLabel: label(dueTask),
          kind: 'set-dates',
          due: { before: dueTask.due_date?.slice(0, 10) ?? null, after: day(90) },
          preconditions: { dueDate: dueTask.due_date?.slice(0, 10) ?? null },
        },
        {
          id: 'guarded',
          taskId: guarded.id,
          taskLabel: label(guarded),
          kind: 'set-priority',
          before: guarded.priority,
          after: guarded.priority === 3 ? 2 : 3,
          preconditions: { priority: guarded.priority },
        },
      ],
    };

    // A person changes the guarded task between the preview and the execution.
    const changed = await zou(await adminToken(), 'PUT', `/data/tasks/${guarded.id}`, {
      priority: guarded.priority === 1 ? 0 : 1,
    });
    expect(changed.status).toBe(200);

    report = await executePlan(plan, { client: writer, journal, operator: 'Contract Test', concurrency: 4 });
    expect(report.status).toBe('done');
    expect(report.progress).toEqual({ done: 8, total: 8, applied: 7, skipped: 1, failed: 0 });
    expect(report.items.guarded).toMatchObject({
      state: 'skipped',
      reason: expect.stringMatching(/^Priority changed/),
    });

    for (const [index, task] of [c1, c2, c3, c4, c5].entries()) {
      const [newest] = await reader.taskComments(task.id);
      expect(newest?.person_id).toBe(stack.bots.writer.id);
      expect(hasMarker(newest?.text)).toBe(true);
      expect(newest?.text).toContain('confirmed by Contract Test');
      expect(markerRef(newest?.text)).toBe(operationRef(report.jobId, `comment-${index}`));
      const op = plan.operations[index] as Extract<Operation, { kind: 'comment' }>;
      expect((await reader.task(task.id)).task_status_id).toBe(op.statusAfter);
    }
    expect((await reader.task(assignTask.id)).assignees).toContain(artist.id);
    expect((await reader.task(dueTask.id)).due_date?.slice(0, 10)).toBe(day(90));
  });

  it('undoes the job and restores the previous state', async () => {
    const job = (await journal.get(report.jobId)) as Job;
    const { plan: undo, notUndoable } = buildUndoPlan(job, { id: `${plan.id}-undo`, now: new Date() });
    if (!undo) throw new Error('expected an undo plan');
    expect(notUndoable.length).toBeGreaterThan(0);
    const undone = await executePlan(undo, { client: writer, journal, operator: 'Contract Test' });
    expect(undone.progress).toEqual({ done: 7, total: 7, applied: 7, skipped: 0, failed: 0 });

    for (const before of snapshot.slice(0, 7)) {
      const after = await reader.task(before.id);
      expect(after.task_status_id).toBe(before.task_status_id);
      expect(after.last_comment_date).toBe(before.last_comment_date);
      expect([...after.assignees].sort()).toEqual([...before.assignees].sort());
      expect(after.due_date).toBe(before.due_date);
      expect((await reader.taskComments(before.id)).some((comment) => hasMarker(comment.text))).toBe(false);
    }
  });
});

/** Runs the same calls on a client and reports what an observer sees, in terms that do not depend on generated ids. */
async function transcript(client: PlanClient, task: Task, others: { artistId: string; botId: string }) {
  const lines: unknown[] = [];
  const outcome = async (name: string, call: () => Promise<unknown>) => {
    try {
      lines.push([name, 'ok', await call()]);
    } catch (error) {
      lines.push([name, error instanceof KitsuApiError ? `${error.kind} ${error.status}` : String(error)]);
    }
  };
  const state = async (name: string) => {
    const current = await client.task(task.id);
    const [newest] = await client.taskComments(task.id);
    lines.push([
      name,
      current.task_status_id,
      [...current.assignees].sort(),
      current.priority,
      current.last_comment_date === (newest?.created_at ?? null),
    ]);
  };
  const target = task.task_status_id;
  await outcome('assign none', () => client.assignTasks(others.artistId, []));
  await outcome('clear none', () => client.clearAssignation([]));
  await outcome('priority none', () => client.setPriority([], 1));
  await outcome('assign a bot', async () => (await client.assignTasks(others.botId, [task.id])).length);
  await outcome('assign', async () =>
    (await client.assignTasks(others.artistId, [task.id])).map((item) => [item.id, [...item.assignees].sort()]),
  );
  await state('after assign');
  await outcome('unassign', () => client.clearAssignation([task.id], others.artistId));
  await outcome('priority', async () =>
    (await client.setPriority([task.id], task.priority)).map((row) => [row.id, row.priority, 'assignees' in row]),
  );
  await outcome('update', async () => {
    const row = await client.updateTask(task.id, { due_date: task.due_date?.slice(0, 10) ?? null });
    return [row.due_date, 'assignees' in row];
  });
  let commentId: string | undefined;
  await outcome('comment-many', async () => {
    const posted = await client.batchComment(projectId, [
      { task_id: task.id, task_status_id: target, comment: 'Sidekick fake-vs-real check, deleted right away.' },
    ]);
    commentId = posted[0]?.id;
    return posted.map((comment) => [comment.object_id, comment.task_status_id, comment.person_id]);
  });
  await state('after comment');
  // The executor's batched reads: fresh rows by id (an unknown id is left out), the production's comment feed.
  await outcome('tasks by ids', async () =>
    (await client.tasksByIds([task.id, crypto.randomUUID()])).map((row) => [
      row.id,
      row.task_status_id,
      [...row.assignees].sort(),
      row.priority,
    ]),
  );
  await outcome('the comment just posted tops the production’s feed', async () => {
    const { data } = await client.projectComments(projectId, { page: 1, limit: 1 });
    return commentId !== undefined && data[0]?.id === commentId;
  });
  if (commentId) await outcome('delete', () => client.deleteComment(task.id, commentId as string));
  await state('after delete');
  return lines;
}

async function fakeFrom(client: KitsuClient, task: Task, caller: { id: string; role: 'supervisor' | 'user' }) {
  const [comments, statuses, taskTypes, persons, project, me] = await Promise.all([
    client.taskComments(task.id),
    client.taskStatuses(),
    client.taskTypes(),
    writer.persons(),
    writer.project(projectId),
    client.authenticated(),
  ]);
  return createFakeKitsu({
    projectId,
    caller: { ...caller, departments: me.user.departments },
    persons: persons.map((person) => ({ ...person, departments: person.departments ?? [] })),
    taskTypes,
    statuses,
    tasks: [task],
    comments,
    botCollaboration: project.is_bot_collaboration_enabled ?? false,
  });
}

describe('the fake Kitsu of the unit tests', () => {
  it.each([
    ['writer (supervisor)', writer, stack.bots.writer.id, 'supervisor' as const],
    ['reader (artist, skipped silently)', reader, stack.bots.reader.id, 'user' as const],
  ])('answers like the real zou for the %s', async (_name, client, id, role) => {
    const [task] = await stableTasks(1, 6);
    if (!task) throw new Error('no task');
    const artist = artists.find((person) => !task.assignees.includes(person.id));
    if (!artist) throw new Error('no artist');
    const others = { artistId: artist.id, botId: stack.bots.reader.id };
    const fake = await fakeFrom(client, task, { id, role });
    const real = await transcript(client, task, others);
    expect(await transcript(fake.client, task, others)).toEqual(real);
    // The writer's script leaves the task as it found it.
    const after = await writer.task(task.id);
    expect([after.task_status_id, after.assignees.sort(), after.priority, after.last_comment_date]).toEqual([
      task.task_status_id,
      task.assignees.sort(),
      task.priority,
      task.last_comment_date,
    ]);
  });

  it('resets a task to the default status when its only comment is deleted', async () => {
    const statuses = await writer.taskStatuses();
    const wip = statuses.find((status) => status.short_name === 'wip')?.id ?? '';
    const todo = statuses.find((status) => status.short_name === 'todo')?.id ?? '';
    // A Todo task without comments: deleting our comment puts it back to Todo, as the seed has it.
    const { data } = await writer.openTasks({ project_id: projectId, limit: 50, page: 3, task_status_id: todo });
    const bare = (
      await Promise.all(data.map(async (task) => ((await writer.taskComments(task.id)).length === 0 ? task : null)))
    ).find((task) => task !== null);
    if (!bare) throw new Error('no Todo task without comments');
    const task = await writer.task(bare.id);
    const fake = await fakeFrom(writer, task, { id: stack.bots.writer.id, role: 'supervisor' });
    const play = async (client: PlanClient) => {
      const posted = await client.commentTask(task.id, {
        task_status_id: wip,
        comment: 'Sidekick fake-vs-real check.',
      });
      const during = (await client.task(task.id)).task_status_id;
      await client.deleteComment(task.id, posted.id);
      const after = await client.task(task.id);
      return [during, after.task_status_id, after.last_comment_date];
    };
    const real = await play(writer);
    expect(await play(fake.client)).toEqual(real);
    expect(real).toEqual([wip, todo, null]);
  });
});
