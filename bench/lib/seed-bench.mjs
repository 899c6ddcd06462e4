// The benchmark's own production, beside the shared "Fox Tales" seed (which other tests rely on and
// which this never touches): a feature film of N shots with five shot tasks each, built through
// zou's bulk routes (5,000 tasks: a few minutes on 2 cores, more under load; reused by later runs).
// Its Animation tasks are all "todo" and unassigned: the bulk benchmark changes them back and forth.
// The other task types get a mix of statuses and assignees, so the suggestions panel has work to do.
import { createRandom } from '../../scripts/lib/prng.mjs';
import { addToTeam } from '../../scripts/lib/seed-helpers.mjs';
import { mapWithConcurrency, ZouClient } from '../../scripts/lib/zou-client.mjs';

export const BULK_TASK_TYPE = 'Animation';
const TASK_TYPES = ['Layout', BULK_TASK_TYPE, 'Lighting', 'FX', 'Compositing'];
const STATUSES = ['todo', 'ready', 'wip', 'wfa', 'retake', 'done'];
const SHOTS_PER_SEQUENCE = 50;
const CONCURRENCY = 6;
const CHUNK = 100;

const chunks = (items, size) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

export const benchProductionName = (shots) => `Sidekick Bench ${shots * TASK_TYPES.length} tasks`;

async function deleteProduction(admin, project) {
  const [closed] = await admin.get('/data/project-status?name=Closed');
  await admin.put(`/data/projects/${project.id}`, { project_status_id: closed.id });
  await admin.delete(`/data/projects/${project.id}?force=true`);
}

/**
 * The production of `shots` shots (5 tasks each) on the stack, created unless one of that size exists
 * (`fresh` recreates it). Returns its ids and what the benchmarks need to find their tasks.
 */
export async function ensureBenchProduction(stack, { shots, fresh = false, log = console.log }) {
  const admin = await ZouClient.login(stack.api, stack.admin.email, stack.admin.password);
  const name = benchProductionName(shots);
  const [projects, taskTypes, statuses] = await Promise.all([
    admin.get('/data/projects'),
    admin.get('/data/task-types'),
    admin.get('/data/task-status'),
  ]);
  const shotTaskTypes = TASK_TYPES.map((typeName) => {
    const found = taskTypes.find((type) => type.name === typeName && type.for_entity === 'Shot');
    if (!found) throw new Error(`zou has no shot task type ${typeName}`);
    return found;
  });
  const statusOf = Object.fromEntries(
    STATUSES.map((short) => [short, statuses.find((status) => status.short_name === short)]),
  );
  const describe = async (project) => {
    const layoutTasks = await admin.get(`/data/tasks?project_id=${project.id}&task_type_id=${shotTaskTypes[0].id}`);
    return {
      id: project.id,
      name,
      shots,
      tasks: shots * TASK_TYPES.length,
      bulkTaskTypeId: shotTaskTypes[1].id,
      taskTypeIds: Object.fromEntries(shotTaskTypes.map((taskType) => [taskType.name, taskType.id])),
      statusIds: Object.fromEntries(STATUSES.map((short) => [short, statusOf[short].id])),
      // A task of another type than the bulk one: the live events benchmark changes its status.
      eventTaskId: layoutTasks[0].id,
    };
  };

  const existing = projects.find((project) => project.name === name);
  if (existing && !fresh) {
    log(`bench production "${name}" already on this stack: reused`);
    return describe(existing);
  }
  if (existing) await deleteProduction(admin, existing);

  const startedAt = Date.now();
  const progress = (message) => log(`  [${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${message}`);
  const project = await admin.post('/data/projects', {
    name,
    production_type: 'featurefilm',
    fps: '25',
    start_date: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
    end_date: new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10),
  });
  for (const taskType of shotTaskTypes) {
    await admin.post(`/data/projects/${project.id}/settings/task-types`, { task_type_id: taskType.id });
  }
  for (const status of Object.values(statusOf)) {
    await admin.post(`/data/projects/${project.id}/settings/task-status`, { task_status_id: status.id });
  }
  const people = stack.persons.map((person) => person.id);
  await addToTeam(admin, project.id, [...people, ...Object.values(stack.bots).map((bot) => bot.id)]);

  const sequences = [];
  for (let index = 0; index < Math.ceil(shots / SHOTS_PER_SEQUENCE); index++) {
    sequences.push(
      await admin.post(`/data/projects/${project.id}/sequences`, {
        name: `SQ${String((index + 1) * 10).padStart(3, '0')}`,
      }),
    );
  }
  const random = createRandom(shots);
  const created = await mapWithConcurrency(
    Array.from({ length: shots }, (_, index) => index),
    CONCURRENCY,
    (index) =>
      admin.post(`/data/projects/${project.id}/shots`, {
        name: `SH${String((index + 1) * 10).padStart(5, '0')}`,
        sequence_id: sequences[Math.floor(index / SHOTS_PER_SEQUENCE)].id,
        nb_frames: random.int(24, 240),
      }),
  );
  progress(`${sequences.length} sequences, ${created.length} shots`);

  const shotChunks = chunks(
    created.map((shot) => shot.id),
    CHUNK,
  );
  const tasksByType = new Map();
  for (const taskType of shotTaskTypes) {
    const made = await mapWithConcurrency(shotChunks, 2, (ids) =>
      admin.request('POST', `/actions/projects/${project.id}/task-types/${taskType.id}/shots/create-tasks`, ids),
    );
    tasksByType.set(taskType.name, made.flat());
  }
  progress(`${[...tasksByType.values()].flat().length} tasks`);

  // Everything but the bulk benchmark's task type: statuses through comments, artists assigned.
  const varied = [...tasksByType.entries()].filter(([typeName]) => typeName !== BULK_TASK_TYPE).flatMap(([, t]) => t);
  const artists = stack.persons.filter((person) => person.role === 'user').map((person) => person.id);
  const byStatus = new Map();
  const byArtist = new Map();
  for (const task of varied) {
    const status = random.weighted({ todo: 75, ready: 2, wip: 8, wfa: 6, retake: 3, done: 6 });
    if (status !== 'todo') byStatus.set(status, [...(byStatus.get(status) ?? []), task.id]);
    if (random.chance(status === 'todo' ? 0.5 : 0.9)) {
      const artist = random.pick(artists);
      byArtist.set(artist, [...(byArtist.get(artist) ?? []), task.id]);
    }
  }
  const comments = [...byStatus.entries()].flatMap(([status, ids]) =>
    chunks(ids, CHUNK).map((part) =>
      part.map((taskId) => ({ object_id: taskId, task_status_id: statusOf[status].id, comment: `Set to ${status}.` })),
    ),
  );
  await mapWithConcurrency(comments, 2, (items) =>
    admin.post(`/actions/projects/${project.id}/tasks/comment-many`, items),
  );
  const assignments = [...byArtist.entries()].flatMap(([artist, ids]) =>
    chunks(ids, CHUNK).map((part) => [artist, part]),
  );
  await mapWithConcurrency(assignments, 2, ([artist, ids]) =>
    admin.put(`/actions/persons/${artist}/assign`, { task_ids: ids }),
  );
  progress(`${comments.flat().length} status comments, ${assignments.length} assignment requests`);
  return describe(project);
}
