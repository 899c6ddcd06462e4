// A comment posted by the writer bot lands in the task's conversation and is
// announced on the socket.io event stream, authenticated by Bearer header.
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, stack, zou } from './stack';

interface Comment {
  id: string;
  text: string;
  person_id: string;
  task_status_id: string;
}
interface CommentNew {
  comment_id: string;
  task_id: string;
  task_status_id: string;
  project_id: string;
}

function connectEvents(token: string): Promise<Socket> {
  const socket = io(`${stack.events}/events`, {
    path: '/socket.io',
    // zou reads the JWT from the handshake's cookie or Authorization header only.
    transports: ['polling', 'websocket'],
    extraHeaders: { Authorization: `Bearer ${token}` },
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

describe('writer comment', () => {
  let socket: Socket;
  let taskId: string;
  let wipStatusId: string;
  let posted: Comment;

  beforeAll(async () => {
    const token = await adminToken();
    const [tasks, statuses] = await Promise.all([
      zou<{ id: string; task_status_id: string }[]>(token, 'GET', `/data/projects/${stack.production.id}/tasks`),
      zou<{ id: string; short_name: string }[]>(token, 'GET', '/data/task-status'),
    ]);
    const todo = statuses.body.find((status) => status.short_name === 'todo');
    wipStatusId = statuses.body.find((status) => status.short_name === 'wip')?.id as string;
    taskId = tasks.body.find((task) => task.task_status_id === todo?.id)?.id as string;
    socket = await connectEvents(stack.bots.writer.token);
  });

  afterAll(async () => {
    socket?.disconnect();
    // Deleting the comment puts the task back to its previous status.
    if (posted) await zou(stack.bots.writer.token, 'DELETE', `/data/tasks/${taskId}/comments/${posted.id}`);
  });

  it('is created, shows in the task comments, and is announced as comment:new', async () => {
    const text = `Sidekick contract check ${Date.now()}`;
    // Every socket receives every event of every project: wait for ours only.
    const announced = new Promise<CommentNew>((resolve) => {
      socket.on('comment:new', (event: CommentNew) => {
        if (event.task_id === taskId) resolve(event);
      });
    });

    const created = await zou<Comment>(stack.bots.writer.token, 'POST', `/actions/tasks/${taskId}/comment`, {
      task_status_id: wipStatusId,
      comment: text,
    });
    expect(created.status).toBe(201);
    posted = created.body;
    expect(posted).toMatchObject({ text, person_id: stack.bots.writer.id, task_status_id: wipStatusId });

    const listed = await zou<Comment[]>(stack.bots.writer.token, 'GET', `/data/tasks/${taskId}/comments`);
    expect(listed.body.find((comment) => comment.id === posted.id)?.text).toBe(text);

    const event = await announced;
    expect(event).toMatchObject({
      comment_id: posted.id,
      task_id: taskId,
      task_status_id: wipStatusId,
      project_id: stack.production.id,
    });
  });

  // zou 1.0.97 quirk: the /events error handler (socketio.on_error) swallows the
  // ConnectionRefusedError of its connect handler, so a bad token still connects.
  // Sidekick must validate tokens over REST, never by "the socket connected".
  // If this starts failing, zou fixed it: update the fake API's contract too.
  it('accepts a socket even with an invalid token (zou 1.0.97 behaviour)', async () => {
    const unauthenticated = await connectEvents('not-a-token');
    expect(unauthenticated.connected).toBe(true);
    unauthenticated.disconnect();
  });
});
