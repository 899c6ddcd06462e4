// The seeded "Fox Tales" production has what Sidekick's features look for.
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, stack, zou } from './stack';

interface Task {
  id: string;
  task_type_id: string;
  task_status_id: string;
  assignees: string[];
  due_date: string | null;
  estimation: number;
  retake_count: number;
  last_comment_date: string | null;
  end_date: string | null;
  entity_id: string;
}
interface TaskStatus {
  id: string;
  short_name: string;
  is_done: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const projectRoute = `/data/projects/${stack.production.id}`;

describe('seeded production', () => {
  let token: string;
  let tasks: Task[];
  let statusById: Map<string, TaskStatus>;

  beforeAll(async () => {
    token = await adminToken();
    tasks = (await zou<Task[]>(token, 'GET', `${projectRoute}/tasks`)).body;
    const statuses = (await zou<TaskStatus[]>(token, 'GET', '/data/task-status')).body;
    statusById = new Map(statuses.map((status) => [status.id, status]));
  });

  const withStatus = (shortName: string) =>
    tasks.filter((task) => statusById.get(task.task_status_id)?.short_name === shortName);

  it('is a TV show with 2 episodes, 6 sequences and the recorded shot, asset and task counts', async () => {
    const project = (await zou<{ name: string; production_type: string }>(token, 'GET', projectRoute)).body;
    expect(project).toMatchObject({ name: stack.production.name, production_type: 'tvshow' });
    const episodes = (await zou<{ id: string }[]>(token, 'GET', `${projectRoute}/episodes`)).body;
    expect(episodes.map((episode) => episode.id).sort()).toEqual([...stack.production.episodes].sort());
    expect((await zou<unknown[]>(token, 'GET', `${projectRoute}/sequences`)).body).toHaveLength(6);
    expect((await zou<unknown[]>(token, 'GET', `${projectRoute}/shots`)).body).toHaveLength(stack.seed.shots);
    const assets = (await zou<{ entity_type_id: string }[]>(token, 'GET', `${projectRoute}/assets`)).body;
    expect(assets).toHaveLength(stack.seed.assets);
    expect(new Set(assets.map((asset) => asset.entity_type_id)).size).toBeGreaterThanOrEqual(3);
    expect(tasks).toHaveLength(stack.seed.tasks);
    expect(new Set(tasks.map((task) => task.task_type_id)).size).toBeGreaterThanOrEqual(5);
  });

  it('has a team of 10 people with artist, supervisor and manager roles, plus both bots', async () => {
    expect(stack.persons).toHaveLength(10);
    expect(new Set(stack.persons.map((person) => person.role))).toEqual(new Set(['user', 'supervisor', 'manager']));
    const team = (await zou<{ id: string }[]>(token, 'GET', `${projectRoute}/team`)).body.map((person) => person.id);
    for (const id of [...stack.persons.map((person) => person.id), stack.bots.writer.id, stack.bots.reader.id]) {
      expect(team).toContain(id);
    }
  });

  it('has overdue tasks: unfinished and due before today', () => {
    const today = new Date().toISOString().slice(0, 10);
    const overdue = tasks.filter(
      (task) =>
        task.due_date !== null && task.due_date.slice(0, 10) < today && !statusById.get(task.task_status_id)?.is_done,
    );
    expect(overdue.length).toBeGreaterThanOrEqual(10);
  });

  it('has tasks waiting for approval for days', () => {
    const waiting = withStatus('wfa').filter(
      (task) => task.last_comment_date !== null && Date.now() - Date.parse(`${task.last_comment_date}Z`) > 2 * DAY_MS,
    );
    expect(waiting.length).toBeGreaterThanOrEqual(5);
  });

  it('has assigned and unassigned tasks, retakes, and estimates on some tasks only', () => {
    expect(tasks.filter((task) => task.assignees.length === 0).length).toBeGreaterThanOrEqual(10);
    expect(tasks.filter((task) => task.assignees.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(withStatus('retake').every((task) => task.retake_count >= 1)).toBe(true);
    expect(withStatus('retake').length).toBeGreaterThanOrEqual(5);
    expect(tasks.filter((task) => task.estimation > 0).length).toBeGreaterThanOrEqual(10);
    expect(tasks.filter((task) => !task.estimation).length).toBeGreaterThanOrEqual(10);
  });

  // The agent's review-backlog rule reads zou's end_date (the day a task went to review), which zou stamps
  // when a comment is posted: the seed replays those histories so zou dates them from the comments.
  it('has tasks waiting for approval for more than 3 days by zou’s own end date (review backlog)', () => {
    const waiting = withStatus('wfa').filter(
      (task) => task.end_date !== null && Date.now() - Date.parse(`${task.end_date}Z`) > 3 * DAY_MS,
    );
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    // Dated from the comment that asked for review, not from the moment the seed posted it.
    for (const task of waiting) expect(task.end_date).toBe(task.last_comment_date);
  });

  it('has a task retaken three times by reviewers, back in progress (retake loop)', async () => {
    const looping = tasks.filter((task) => task.retake_count >= 3);
    expect(looping).toHaveLength(1);
    const [task] = looping;
    if (!task) throw new Error('no retake loop');
    expect(statusById.get(task.task_status_id)?.short_name).toBe('wip');
    const comments = (await zou<{ task_status_id: string }[]>(token, 'GET', `/data/tasks/${task.id}/comments`)).body;
    const statuses = comments.map((comment) => statusById.get(comment.task_status_id)?.short_name);
    expect(statuses.filter((status) => status === 'retake')).toHaveLength(3);
  });

  it('keeps comment histories, oldest status first', async () => {
    const [retake] = withStatus('retake');
    if (!retake) throw new Error('the seed has no retake task');
    const comments = (await zou<{ task_status_id: string }[]>(token, 'GET', `/data/tasks/${retake.id}/comments`)).body;
    // Newest first: the retake, then the submission it answered.
    expect(comments.map((comment) => statusById.get(comment.task_status_id)?.short_name)).toEqual(['retake', 'wfa']);
  });

  it('holds the XSS fixtures verbatim (an asset name and a comment)', async () => {
    const asset = (await zou<{ name: string }>(token, 'GET', `/data/assets/${stack.seed.xss.assetId}`)).body;
    expect(asset.name).toBe('<img src=x onerror=alert(1)>');
    const comments = (
      await zou<{ id: string; text: string }[]>(token, 'GET', `/data/tasks/${stack.seed.xss.taskId}/comments`)
    ).body;
    expect(comments.find((comment) => comment.id === stack.seed.xss.commentId)?.text).toContain(
      '<img src=x onerror=alert(1)>',
    );
  });
});
