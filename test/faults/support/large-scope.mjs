import { addToTeam } from '../../../scripts/lib/seed-helpers.mjs';
import { mapWithConcurrency, ZouClient } from '../../../scripts/lib/zou-client.mjs';

/**
 * A production of its own (a short, no episodes) whose shot list holds at least `taskCount` tasks, one per
 * shot task type of the seed: a bulk job of that size in one Kitsu scope, whatever size the stack was
 * seeded with, and nothing changed in the seeded production other tests use. The shots and their tasks
 * come from one CSV import (one request); Sidekick's bots join the team. `close()` closes the production
 * (deleting a thousand tasks takes zou half a minute; the stack's database goes with `kitsu:down`).
 */
export async function createLargeProduction(stack, { taskCount, name = `Fault Tales ${Date.now()}` }) {
  const admin = await ZouClient.login(stack.api, stack.admin.email, stack.admin.password);
  const [taskTypes, statuses] = await Promise.all([admin.get('/data/task-types'), admin.get('/data/task-status')]);
  const seededShots = await admin.get(`/data/shots/with-tasks?project_id=${stack.production.id}`);
  const shotTaskTypeIds = new Set(seededShots.flatMap((shot) => shot.tasks.map((task) => task.task_type_id)));
  const shotTaskTypes = taskTypes.filter((taskType) => shotTaskTypeIds.has(taskType.id));
  const shotCount = Math.ceil(taskCount / shotTaskTypes.length);

  const project = await admin.post('/data/projects', { name, production_type: 'short', fps: '25' });
  const settings = [
    ...shotTaskTypes.map((taskType) => ['task-types', { task_type_id: taskType.id }]),
    ...statuses.map((status) => ['task-status', { task_status_id: status.id }]),
  ];
  await mapWithConcurrency(settings, 4, ([kind, body]) =>
    admin.post(`/data/projects/${project.id}/settings/${kind}`, body),
  );
  await addToTeam(admin, project.id, [stack.bots.writer.id, stack.bots.reader.id]);

  const rows = Array.from({ length: shotCount }, (_, index) => `SQ01,SH${String(index + 1).padStart(4, '0')}`);
  const form = new FormData();
  form.append('file', new Blob([`Sequence,Name\n${rows.join('\n')}\n`], { type: 'text/csv' }), 'shots.csv');
  const imported = await fetch(`${stack.api}/import/csv/projects/${project.id}/shots`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.accessToken}` },
    body: form,
  });
  if (!imported.ok) throw new Error(`CSV import of ${shotCount} shots: ${imported.status} ${await imported.text()}`);
  const shots = await admin.get(`/data/shots/with-tasks?project_id=${project.id}`);
  const tasks = shots.flatMap((shot) => shot.tasks.map((task) => ({ ...task, label: shot.name })));
  if (tasks.length < taskCount) throw new Error(`only ${tasks.length} tasks were created, ${taskCount} wanted`);

  return {
    project,
    tasks,
    taskTypes: shotTaskTypes,
    close: async () => {
      const [closed] = await admin.get('/data/project-status?name=Closed');
      await admin.put(`/data/projects/${project.id}`, { project_status_id: closed.id });
    },
  };
}
