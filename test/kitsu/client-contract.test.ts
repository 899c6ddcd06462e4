// Contract test of lib/kitsu against the real zou of `npm run kitsu:up` +
// `npm run kitsu:seed`, through the front door (whose /api is proxied to zou,
// like Kitsu's nginx). Every write made here is undone before the test ends.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKitsuClient, describeKitsuError, KitsuApiError, type KitsuClient, type OpenTask } from '../../lib/kitsu';
import { tasksPerStatus } from '../../lib/workflow/status-table';

interface Bot {
  id: string;
  token: string;
}
interface Stack {
  frontDoor: string;
  zouVersion: string;
  bots: { writer: Bot; reader: Bot };
  production: { id: string; episodes: string[] };
  persons: { id: string; role: string; email: string; password: string }[];
}

const stackFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.kitsu-stack/stack.json');
const stack: Stack = JSON.parse(readFileSync(stackFile, 'utf8'));
const projectId = stack.production.id;

function clientFor(token: string): KitsuClient {
  return createKitsuClient({ origin: stack.frontDoor, token, maxRetries: 1 });
}

async function failureOf(promise: Promise<unknown>): Promise<KitsuApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(KitsuApiError);
  return error as KitsuApiError;
}

/** Test setup only: Sidekick itself uses tokens it is given, it never logs in. */
async function logIn(person: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${stack.frontDoor}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: person.password }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`login of ${person.email} failed with HTTP ${response.status}`);
  return body.access_token;
}

const writer = clientFor(stack.bots.writer.token);
const reader = clientFor(stack.bots.reader.token);

describe('Kitsu client against the real zou', () => {
  let task: OpenTask;

  beforeAll(async () => {
    // Deleting a comment makes zou recompute the task status from the
    // remaining comments: pick a task whose status comes from its newest
    // comment, so that our comment + delete leave it as it was.
    const page = await writer.openTasks({ project_id: projectId, limit: 50 });
    for (const candidate of page.data) {
      const [newest] = await writer.taskComments(candidate.id);
      if (newest?.task_status_id === candidate.task_status_id) {
        task = candidate;
        return;
      }
    }
    throw new Error('no seeded open task whose status comes from its newest comment');
  });

  it('reads the version and the identity', async () => {
    await expect(writer.version()).resolves.toEqual({ api: 'Zou', version: stack.zouVersion });
    const me = await writer.authenticated();
    expect(me.user).toMatchObject({ id: stack.bots.writer.id, is_bot: true, role: 'supervisor' });
  });

  it('reads the user context with a person token; bots are refused it', async () => {
    // Every /data/user/* route of zou requires a person (permissions.require_person).
    expect((await failureOf(writer.userContext())).kind).toBe('permission');
    const person = stack.persons.find((candidate) => candidate.role === 'manager');
    if (!person) throw new Error('no seeded manager');
    const context = await clientFor(await logIn(person)).userContext();
    expect(context.projects.map((project) => project.id)).toContain(projectId);
    expect(context.task_status.length).toBeGreaterThan(0);
  });

  it('reads the production and its breakdown', async () => {
    expect((await writer.openProjects()).map((project) => project.id)).toContain(projectId);
    expect((await writer.project(projectId)).id).toBe(projectId);
    expect((await writer.projectTeam(projectId)).map((person) => person.id)).toContain(stack.bots.writer.id);
    expect((await writer.episodes(projectId)).map((episode) => episode.id).sort()).toEqual(
      [...stack.production.episodes].sort(),
    );
    for (const list of [writer.sequences, writer.shots, writer.assets]) {
      expect((await list(projectId)).length).toBeGreaterThan(0);
    }
    const shots = await writer.shotsWithTasks(projectId);
    expect(shots.some((shot) => shot.tasks.length > 0)).toBe(true);
    const episodeId = stack.production.episodes[0];
    const episodeShots = await writer.shotsWithTasks(projectId, { episodeId });
    expect(episodeShots.length).toBeGreaterThan(0);
    expect(episodeShots.length).toBeLessThan(shots.length);
    expect((await writer.assetsWithTasks(projectId)).length).toBeGreaterThan(0);
    await writer.assetsWithTasks(projectId, { episodeId });
  });

  it('reads the studio settings', async () => {
    expect((await writer.taskTypes()).length).toBeGreaterThan(0);
    const statuses = await writer.taskStatuses();
    expect(statuses.some((status) => status.is_done)).toBe(true);
    expect((await writer.projectTaskStatuses(projectId)).length).toBeGreaterThan(0);
    expect((await writer.persons()).length).toBeGreaterThan(0);
    expect((await reader.persons()).length).toBeGreaterThan(0);
    await writer.departments();
  });

  it('reads tasks, full tasks, comments and open-task pages', async () => {
    expect((await writer.task(task.id)).id).toBe(task.id);
    const full = await writer.fullTask(task.id);
    expect(full.project.id).toBe(projectId);
    expect(full.task_type.id).toBe(task.task_type_id);
    await writer.taskComments(task.id);
    const secondPage = await writer.openTasks({ project_id: projectId, limit: 5, page: 2 });
    expect(secondPage.page).toBe(2);
    await writer.openTasks({ project_id: projectId, person_id: 'unassigned', limit: 5 });
    const person = stack.persons.find((candidate) => candidate.role === 'user');
    if (person) await writer.openTasks({ person_id: [person.id], due_date: '2100-01-01', limit: 5 });
  });

  it('reads the open productions’ task totals per status, as the options page’s role table counts them', async () => {
    const totals = tasksPerStatus({ [projectId]: (await writer.openTasksStats())[projectId] ?? { task_types: [] } });
    const counted = new Map<string, number>();
    const lists = [await writer.shotsWithTasks(projectId), await writer.assetsWithTasks(projectId)];
    for (const entity of lists.flat()) {
      for (const listed of entity.tasks)
        counted.set(listed.task_status_id, (counted.get(listed.task_status_id) ?? 0) + 1);
    }
    expect(counted.size).toBeGreaterThan(1);
    expect(new Map([...totals].sort())).toEqual(new Map([...counted].sort()));
  });

  it('posts a comment, then deletes it', async () => {
    const comment = await writer.commentTask(task.id, {
      task_status_id: task.task_status_id,
      comment: 'Sidekick contract test: this comment is deleted right away.',
    });
    expect(comment).toMatchObject({ object_id: task.id, person_id: stack.bots.writer.id });
    try {
      expect((await writer.taskComments(task.id)).map((item) => item.id)).toContain(comment.id);
    } finally {
      await writer.deleteComment(task.id, comment.id);
    }
    expect((await writer.taskComments(task.id)).map((item) => item.id)).not.toContain(comment.id);
    expect((await writer.task(task.id)).task_status_id).toBe(task.task_status_id);
  });

  it('posts a batch comment, then deletes it', async () => {
    const [comment, ...others] = await writer.batchComment(projectId, [
      { task_id: task.id, task_status_id: task.task_status_id, comment: 'Sidekick contract test (batch).' },
    ]);
    expect(others).toEqual([]);
    expect(comment?.object_id).toBe(task.id);
    if (comment) await writer.deleteComment(task.id, comment.id);
  });

  it('assigns and unassigns, sets priority and task fields back to their values', async () => {
    const current = await writer.task(task.id);
    const artist = stack.persons.find((person) => person.role === 'user' && !current.assignees.includes(person.id));
    if (!artist) throw new Error('no seeded artist to assign');
    const assigned = await writer.assignTasks(artist.id, [task.id]);
    expect(assigned[0]?.assignees).toContain(artist.id);
    await expect(writer.clearAssignation([task.id], artist.id)).resolves.toEqual([task.id]);
    expect((await writer.task(task.id)).assignees).toEqual(current.assignees);

    const [prioritized] = await writer.setPriority([task.id], current.priority);
    expect(prioritized?.priority).toBe(current.priority);
    const updated = await writer.updateTask(task.id, { due_date: current.due_date, estimation: current.estimation });
    expect(updated.id).toBe(task.id);
  });

  it('reports a reader-bot write as a permission error', async () => {
    const error = await failureOf(
      reader.commentTask(task.id, { task_status_id: task.task_status_id, comment: 'must be refused' }),
    );
    expect(error).toMatchObject({ kind: 'permission', status: 403, route: 'POST /actions/tasks/:taskId/comment' });
    expect((await failureOf(reader.updateTask(task.id, { priority: 1 }))).kind).toBe('permission');
  });

  it('reports invalid tokens as auth errors without leaking them', async () => {
    const garbage = 'not-a-jwt';
    const malformed = await failureOf(clientFor(garbage).authenticated());
    expect(malformed.kind).toBe('auth');
    const [header, payload] = stack.bots.writer.token.split('.');
    const forged = `${header}.${payload}.forged-signature`;
    const badSignature = await failureOf(clientFor(forged).openProjects());
    expect(badSignature.kind).toBe('auth');
    for (const error of [malformed, badSignature]) {
      const surface = `${error.message} ${JSON.stringify(error)} ${describeKitsuError(error)}`;
      expect(surface).not.toContain(forged);
      expect(surface).not.toContain(garbage);
    }
  });

  it('reports an unknown task as not-found', async () => {
    const error = await failureOf(writer.task('00000000-0000-4000-8000-000000000000'));
    expect(error.kind).toBe('not-found');
  });
});
