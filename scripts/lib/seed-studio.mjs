// Builds "Lune Rousse" (see studio-spec.mjs) through zou's REST API, as the admin, beside Fox Tales
// and without touching it: the statuses and the task type it adds are studio-wide in zou but only
// this production uses them; its people and bot are its own. Re-running it replaces the production.
import {
  addToTeam,
  byName,
  CONCURRENCY,
  commentTimestamp,
  daysFromToday,
  deleteExistingProduction,
  isoDate,
  MINUTES_PER_DAY,
} from './seed-helpers.mjs';
import { PERSON_PASSWORD } from './seed-production.mjs';
import {
  ASSET_TASK_TYPES,
  ASSET_TASKS,
  ASSET_TYPES,
  ASSETS,
  COMMENT_TEXTS,
  CUSTOM_STATUSES,
  DAYS_OFF,
  DEFAULT_STATUS_ROLES,
  EPISODES,
  HUMAN_DECISIONS,
  NO_DEPARTMENT_TASK_TYPE,
  SECOND_ROTO_TASK,
  SHOT_TASK_TYPES,
  SHOT_TASKS,
  SHOTS_PER_SEQUENCE,
  STUDIO_BOT,
  STUDIO_EMAIL_DOMAIN,
  STUDIO_PEOPLE,
  STUDIO_PRODUCTION_NAME,
  shotName,
} from './studio-spec.mjs';
import { mapWithConcurrency, ZouClient } from './zou-client.mjs';

const emailOf = (person) => `${person.login}@${STUDIO_EMAIL_DOMAIN}`;

/** "YYYY-MM-DD" of a table's due date: days from today, or a day of last or next year. */
function dueDay(due) {
  if (typeof due === 'number') return isoDate(daysFromToday(due));
  return `${new Date().getUTCFullYear() + due.year}-${due.monthDay}`;
}

async function ensureStatuses(admin) {
  const existing = await admin.get('/data/task-status');
  const custom = await mapWithConcurrency(CUSTOM_STATUSES, CONCURRENCY, async ({ role, ...status }) => {
    const found = existing.find((candidate) => candidate.short_name === status.short_name);
    return found ?? admin.post('/data/task-status', status);
  });
  const defaults = Object.keys(DEFAULT_STATUS_ROLES).map((shortName) => {
    const found = existing.find((status) => status.short_name === shortName);
    if (!found) throw new Error(`zou has no task status "${shortName}" (did \`zou init-data\` run?).`);
    return found;
  });
  return Object.fromEntries([...defaults, ...custom].map((status) => [status.short_name, status]));
}

async function ensureTaskTypes(admin) {
  const existing = await admin.get('/data/task-types');
  const ofEntity = (forEntity) => existing.filter((taskType) => taskType.for_entity === forEntity);
  const roto =
    ofEntity('Shot').find((taskType) => taskType.name === NO_DEPARTMENT_TASK_TYPE.name && !taskType.department_id) ??
    (await admin.post('/data/task-types', { ...NO_DEPARTMENT_TASK_TYPE, department_id: null }));
  const byTypeName = {};
  for (const name of SHOT_TASK_TYPES) {
    byTypeName[name] = name === roto.name ? roto : byName(ofEntity('Shot'), name, 'shot task type');
  }
  for (const name of ASSET_TASK_TYPES) byTypeName[name] = byName(ofEntity('Asset'), name, 'asset task type');
  return byTypeName;
}

/** The crew and the bot, created or reused (a re-seed finds them by e-mail). Keyed by their table key. */
async function ensureCrew(admin) {
  const [existing, departments] = await Promise.all([admin.get('/data/persons'), admin.get('/data/departments')]);
  const saved = await mapWithConcurrency([...STUDIO_PEOPLE, { ...STUDIO_BOT, isBot: true }], CONCURRENCY, (person) => {
    const body = {
      first_name: person.first_name,
      last_name: person.last_name,
      email: emailOf(person),
      role: person.role,
      active: person.active ?? true,
      departments: (person.departments ?? []).map((name) => byName(departments, name, 'department').id),
    };
    const found = existing.find((candidate) => candidate.email === body.email);
    if (found) return admin.put(`/data/persons/${found.id}`, body);
    return admin.post(
      '/data/persons',
      person.isBot ? { ...body, is_bot: true } : { ...body, password: PERSON_PASSWORD },
    );
  });
  return Object.fromEntries(saved.map((person, index) => [[...STUDIO_PEOPLE, STUDIO_BOT][index].key, person]));
}

async function createProject(admin, { statuses, taskTypes, crew }) {
  const project = await admin.post('/data/projects', {
    name: STUDIO_PRODUCTION_NAME,
    production_type: 'tvshow',
    fps: '24',
    start_date: dueDay({ year: -1, monthDay: '01-06' }),
    end_date: dueDay({ year: 1, monthDay: '12-18' }),
  });
  const assetTypes = await admin.get('/data/asset-types');
  const settings = [
    ...Object.values(taskTypes).map((taskType) => ['task-types', { task_type_id: taskType.id }]),
    ...Object.values(statuses).map((status) => ['task-status', { task_status_id: status.id }]),
    ...ASSET_TYPES.map((name) => ['asset-types', { asset_type_id: byName(assetTypes, name, 'asset type').id }]),
  ];
  await mapWithConcurrency(settings, CONCURRENCY, ([kind, body]) =>
    admin.post(`/data/projects/${project.id}/settings/${kind}`, body),
  );
  await addToTeam(
    admin,
    project.id,
    Object.values(crew).map((person) => person.id),
  );
  return { project, assetTypes };
}

async function createBreakdown(admin, project, assetTypes) {
  const sequences = [];
  const episodes = [];
  for (const spec of EPISODES) {
    const episode = await admin.post(`/data/projects/${project.id}/episodes`, { name: spec.name });
    episodes.push(episode);
    for (const name of spec.sequences) {
      const sequence = await admin.post(`/data/projects/${project.id}/sequences`, { name, episode_id: episode.id });
      sequences.push({ ...sequence, episodeName: episode.name });
    }
  }
  const shotSpecs = sequences.flatMap((sequence, sequenceIndex) =>
    Array.from({ length: SHOTS_PER_SEQUENCE }, (_, index) => ({
      sequenceIndex,
      body: { name: shotName(index), sequence_id: sequence.id, nb_frames: 48 + index * 12 },
    })),
  );
  const shots = await mapWithConcurrency(shotSpecs, CONCURRENCY, async ({ sequenceIndex, body }) => ({
    ...(await admin.post(`/data/projects/${project.id}/shots`, body)),
    sequenceIndex,
  }));
  const assets = await mapWithConcurrency(ASSETS, CONCURRENCY, ({ type, name }) =>
    admin.post(`/data/projects/${project.id}/asset-types/${byName(assetTypes, type, 'asset type').id}/assets/new`, {
      name,
      description: `${type} de ${STUDIO_PRODUCTION_NAME}.`,
      episode_id: null,
    }),
  );
  return { episodes, sequences, shots, assets };
}

/** Every task to create: its entity, task type, task name and table row. */
function taskSlots(breakdown, taskTypes) {
  const slots = [];
  for (const shot of breakdown.shots) {
    const index = Number(shot.name.slice(2)) / 10 - 1;
    for (const typeName of SHOT_TASK_TYPES) {
      const row = SHOT_TASKS[typeName][index];
      const lead = shot.sequenceIndex % 2 === 0 ? 'olga' : 'youssef';
      const assignee = row.assignee === 'lead' ? lead : row.assignee;
      slots.push({ entity: shot, taskType: taskTypes[typeName], name: 'main', row: { ...row, assignee } });
    }
  }
  const firstShot = breakdown.shots[0];
  slots.push({ entity: firstShot, taskType: taskTypes.Roto, name: SECOND_ROTO_TASK.name, row: SECOND_ROTO_TASK });
  for (const typeName of ASSET_TASK_TYPES) {
    breakdown.assets.forEach((asset, index) => {
      slots.push({ entity: asset, taskType: taskTypes[typeName], name: 'main', row: ASSET_TASKS[typeName][index] });
    });
  }
  return slots;
}

/**
 * Creates the task with its dates, estimate and assignee; a task with a history starts as "todo" and
 * gets its comments newest first, so that zou recomputes its dates from the back-dated comments.
 */
async function createTask(admin, project, slot, { statuses, crew }) {
  const { row } = slot;
  const due = dueDay(row.due);
  const task = await admin.post('/data/tasks', {
    name: slot.name,
    project_id: project.id,
    task_type_id: slot.taskType.id,
    entity_id: slot.entity.id,
    task_status_id: statuses[row.history ? 'todo' : row.status].id,
    assigner_id: crew.helene.id,
    assignees: row.assignee ? [crew[row.assignee].id] : [],
    due_date: due,
    start_date: isoDate(new Date(Date.parse(due) - 7 * 86_400_000)),
    ...(row.estimateDays ? { estimation: row.estimateDays * MINUTES_PER_DAY } : {}),
  });
  for (const [status, daysAgo] of [...(row.history ?? [])].reverse()) {
    const author =
      status === 'retake' ? crew.hanako : status === 'hold' ? crew.helene : (crew[row.assignee] ?? crew.helene);
    await admin.post(`/actions/tasks/${task.id}/comment`, {
      task_status_id: statuses[status].id,
      comment: COMMENT_TEXTS[status],
      person_id: author.id,
      created_at: commentTimestamp(daysAgo, 10),
    });
  }
  return { ...slot, task };
}

/** Replaces the crew's days off with those of the table. */
async function seedDaysOff(admin, crew) {
  for (const person of new Set(DAYS_OFF.map((dayOff) => dayOff.person))) {
    for (const previous of await admin.get(`/data/day-offs?person_id=${crew[person].id}`)) {
      await admin.delete(`/data/day-offs/${previous.id}`);
    }
  }
  await mapWithConcurrency(DAYS_OFF, CONCURRENCY, (dayOff) =>
    admin.post('/data/day-offs', {
      person_id: crew[dayOff.person].id,
      date: isoDate(daysFromToday(dayOff.from)),
      end_date: isoDate(daysFromToday(dayOff.to)),
      description: dayOff.description,
    }),
  );
}

/** Hélène's own changes, made with her token so that the event log names her. */
async function makeHumanDecisions(admin, created, crew) {
  const helene = await ZouClient.login(admin.baseUrl, crew.helene.email, PERSON_PASSWORD);
  const decisions = [];
  for (const decision of HUMAN_DECISIONS) {
    const { task } = created.find(
      (slot) =>
        slot.entity.sequenceIndex === decision.sequence &&
        slot.entity.name === shotName(decision.shot) &&
        slot.taskType.name === decision.taskType &&
        slot.name === 'main',
    );
    if (decision.field === 'assignees') {
      await helene.put('/actions/tasks/clear-assignation', {
        task_ids: [task.id],
        person_id: crew[decision.unassign].id,
      });
    } else if (decision.field === 'dates') {
      await helene.put(`/data/tasks/${task.id}`, { due_date: isoDate(daysFromToday(decision.dueInDays)) });
    } else {
      await helene.put(`/data/tasks/${task.id}`, { estimation: decision.estimateDays * MINUTES_PER_DAY });
    }
    decisions.push({ taskId: task.id, field: decision.field, personId: crew.helene.id });
  }
  return decisions;
}

/** Seeds Lune Rousse and returns what tests need to know about it (written to stack.json as `studio`). */
export async function seedStudioProduction(admin, { log = console.log } = {}) {
  const startedAt = Date.now();
  const progress = (message) => log(`  [${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${message}`);
  const [statuses, taskTypes] = await Promise.all([ensureStatuses(admin), ensureTaskTypes(admin)]);
  await deleteExistingProduction(admin, STUDIO_PRODUCTION_NAME);
  const crew = await ensureCrew(admin);
  const { project, assetTypes } = await createProject(admin, { statuses, taskTypes, crew });
  const breakdown = await createBreakdown(admin, project, assetTypes);
  const slots = taskSlots(breakdown, taskTypes);
  progress(`${breakdown.shots.length} shots and ${breakdown.assets.length} assets`);
  const created = await mapWithConcurrency(slots, CONCURRENCY, (slot) =>
    createTask(admin, project, slot, { statuses, crew }),
  );
  progress(`${created.length} tasks`);
  await seedDaysOff(admin, crew);
  const humanDecisions = await makeHumanDecisions(admin, created, crew);
  const comments = slots.reduce((sum, slot) => sum + (slot.row.history?.length ?? 0), 0);
  progress(
    `production ${project.name}: ${breakdown.shots.length} shots, ${breakdown.assets.length} assets, ${created.length} tasks, ${comments} comments`,
  );
  return describeStudio({ project, breakdown, statuses, taskTypes, crew, created, comments, humanDecisions });
}

function describeStudio({ project, breakdown, statuses, taskTypes, crew, created, comments, humanDecisions }) {
  const roles = Object.fromEntries([
    ...Object.entries(DEFAULT_STATUS_ROLES),
    ...CUSTOM_STATUSES.map((status) => [status.short_name, status.role]),
  ]);
  return {
    id: project.id,
    name: project.name,
    episodes: breakdown.episodes.map((episode) => ({ id: episode.id, name: episode.name })),
    sequences: breakdown.sequences.map((sequence) => ({
      id: sequence.id,
      name: sequence.name,
      episodeId: sequence.parent_id,
    })),
    statusRoles: Object.fromEntries(
      Object.entries(statuses).map(([shortName, status]) => [status.id, roles[shortName]]),
    ),
    noDepartmentTaskTypeId: taskTypes[NO_DEPARTMENT_TASK_TYPE.name].id,
    persons: STUDIO_PEOPLE.map((spec) => ({
      id: crew[spec.key].id,
      full_name: crew[spec.key].full_name,
      role: spec.role,
      email: emailOf(spec),
      password: PERSON_PASSWORD,
      active: spec.active ?? true,
    })),
    inactivePersonId: crew.olga.id,
    noDepartmentPersonId: crew.bram.id,
    botId: crew.farm.id,
    humanDecisions,
    counts: {
      shots: breakdown.shots.length,
      assets: breakdown.assets.length,
      tasks: created.length,
      comments,
    },
  };
}
