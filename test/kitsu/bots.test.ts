// The writer and reader bots authenticate, directly and through the front
// door, and zou enforces the difference between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, frontDoorExpected, stack, zou } from './stack';

interface Authenticated {
  authenticated: boolean;
  user: { id: string; role: string; is_bot: boolean; departments: string[] };
}
interface Task {
  id: string;
  due_date: string | null;
  assignees: string[];
}

describe.each(['writer', 'reader'] as const)('%s bot', (key) => {
  const bot = stack.bots[key];

  it('authenticates on zou with its token', async () => {
    const { status, body } = await zou<Authenticated>(bot.token, 'GET', '/auth/authenticated');
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ id: bot.id, role: bot.role, is_bot: true });
  });

  it('authenticates through the front door /api prefix', async () => {
    expect(frontDoorExpected).toBe(true);
    const { status, body } = await zou<Authenticated>(
      bot.token,
      'GET',
      '/api/auth/authenticated',
      undefined,
      stack.frontDoor,
    );
    expect(status).toBe(200);
    expect(body.user.id).toBe(bot.id);
  });
});

describe('write permissions', () => {
  let task: Task;

  beforeAll(async () => {
    const token = await adminToken();
    const tasks = (await zou<Task[]>(token, 'GET', `/data/projects/${stack.production.id}/tasks`)).body;
    task = tasks.find((candidate) => candidate.assignees.length === 0 && candidate.due_date !== null) as Task;
  });

  afterAll(async () => {
    await zou(stack.bots.writer.token, 'PUT', `/data/tasks/${task.id}`, { due_date: task.due_date });
  });

  it('writer is a department-less supervisor', async () => {
    const { body } = await zou<Authenticated>(stack.bots.writer.token, 'GET', '/auth/authenticated');
    expect(body.user).toMatchObject({ role: 'supervisor', departments: [] });
  });

  it('refuses the reader (403) a due-date change that the writer may make', async () => {
    const refused = await zou(stack.bots.reader.token, 'PUT', `/data/tasks/${task.id}`, { due_date: '2031-01-31' });
    expect(refused.status).toBe(403);
    const allowed = await zou<Task>(stack.bots.writer.token, 'PUT', `/data/tasks/${task.id}`, {
      due_date: '2031-01-31',
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body.due_date?.slice(0, 10)).toBe('2031-01-31');
  });

  it('refuses the reader (403) a comment on a task it is not assigned to', async () => {
    const statuses = (
      await zou<{ id: string; short_name: string }[]>(stack.bots.reader.token, 'GET', '/data/task-status')
    ).body;
    const wip = statuses.find((status) => status.short_name === 'wip');
    const refused = await zou(stack.bots.reader.token, 'POST', `/actions/tasks/${task.id}/comment`, {
      task_status_id: wip?.id,
      comment: 'should not land',
    });
    expect(refused.status).toBe(403);
  });
});
