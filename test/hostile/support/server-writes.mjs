import { kitsuGet } from '../../e2e/support/stack.mjs';

/** The stack's admin: reads every comment of the server, whoever wrote it. */
export async function loginAsAdmin(stack) {
  const response = await fetch(`${stack.frontDoor}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: stack.admin.email, password: stack.admin.password }),
  });
  if (!response.ok) throw new Error(`login as ${stack.admin.email}: ${response.status}`);
  return (await response.json()).access_token;
}

/**
 * Everything a Sidekick write can change, read from Zou: every comment on the server, and each task of the
 * production (status, assignees through updated_at, last comment). Two equal fingerprints: nothing was written.
 */
export async function serverFingerprint(stack, adminToken) {
  const [comments, tasks] = await Promise.all([
    kitsuGet(stack, '/data/comments', adminToken),
    kitsuGet(stack, `/data/tasks?project_id=${stack.production.id}`, adminToken),
  ]);
  return {
    comments: comments.map((comment) => `${comment.id} ${comment.updated_at}`).sort(),
    tasks: tasks
      .map((task) => `${task.id} ${task.task_status_id} ${task.updated_at} ${task.last_comment_date} ${task.priority}`)
      .sort(),
  };
}

/** What differs between two fingerprints, for a readable assertion message. */
export function writesBetween(before, after) {
  const added = (a, b) => b.filter((line) => !a.includes(line));
  return {
    comments: added(before.comments, after.comments).length + added(after.comments, before.comments).length,
    tasks: added(before.tasks, after.tasks).length,
  };
}
