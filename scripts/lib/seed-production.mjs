// Builds the "Fox Tales" TV show through zou's REST API only, as an admin.
// Everything random comes from one seeded PRNG, so a given (seed, sizes) pair
// always produces the same production; dates are relative to today so there
// are always overdue tasks and tasks waiting for approval for days.
import {
  ASSET_NAMES,
  ASSET_TASK_TYPES,
  ASSET_TYPE_WEIGHTS,
  COMMENT_TEXTS,
  PEOPLE,
  PROJECT_STATUS_NAMES,
  RIGGED_ASSET_TYPES,
  SHOT_TASK_TYPES,
  STATUS_WEIGHTS,
} from './fox-tales-data.mjs';
import { createRandom } from './prng.mjs';
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
import { seedSituations } from './seed-situations.mjs';
import { mapWithConcurrency } from './zou-client.mjs';

export const PRODUCTION_NAME = 'Fox Tales';
export const DEFAULT_SEED = 20240611;
export const DEFAULT_SHOTS = 200;
export const DEFAULT_ASSETS = 60;
export const PERSON_PASSWORD = 'sidekick-person-pass';
// Kept for later XSS tests: the UI must show these as text, never run them.
export const XSS_ASSET_NAME = '<img src=x onerror=alert(1)>';
export const XSS_COMMENT = 'Check the rim light <img src=x onerror=alert(1)> <script>alert("xss")</script>';

const EMAIL_DOMAIN = 'foxtales-studio.net';

/** Number of shots that brings the production to about `taskTarget` tasks. */
export function shotsForTaskTarget(taskTarget, assets) {
  const riggedShare =
    [...RIGGED_ASSET_TYPES].reduce((sum, name) => sum + ASSET_TYPE_WEIGHTS[name], 0) /
    Object.values(ASSET_TYPE_WEIGHTS).reduce((sum, weight) => sum + weight, 0);
  const assetTasks = assets * (ASSET_TASK_TYPES.length - 1 + riggedShare);
  return Math.max(1, Math.round((taskTarget - assetTasks) / SHOT_TASK_TYPES.length));
}

async function loadReferenceData(admin) {
  const [taskTypes, taskStatuses, assetTypes, departments] = await Promise.all([
    admin.get('/data/task-types'),
    admin.get('/data/task-status'),
    admin.get('/data/asset-types'),
    admin.get('/data/departments'),
  ]);
  // init-data creates two "Concept" task types (for concepts and for assets): match on the entity too.
  const taskType = (name, forEntity) =>
    byName(
      taskTypes.filter((candidate) => candidate.for_entity === forEntity),
      name,
      `${forEntity} task type`,
    );
  return {
    assetTaskTypes: ASSET_TASK_TYPES.map((name) => taskType(name, 'Asset')),
    shotTaskTypes: SHOT_TASK_TYPES.map((name) => taskType(name, 'Shot')),
    statusByShortName: Object.fromEntries(
      PROJECT_STATUS_NAMES.map((shortName) => [
        shortName,
        taskStatuses.find((status) => status.short_name === shortName),
      ]),
    ),
    assetTypeByName: Object.fromEntries(
      Object.keys(ASSET_NAMES).map((name) => [name, byName(assetTypes, name, 'asset type')]),
    ),
    departmentByName: Object.fromEntries(departments.map((department) => [department.name, department])),
  };
}

function personEmail(person) {
  return `${person.first_name}.${person.last_name}@${EMAIL_DOMAIN}`.toLowerCase();
}

/** Creates the crew, or reuses people an earlier seed created on this database. */
async function ensurePeople(admin, departmentByName) {
  const existing = await admin.get('/data/persons');
  return mapWithConcurrency(PEOPLE, CONCURRENCY, async (person) => {
    const email = personEmail(person);
    const body = {
      first_name: person.first_name,
      last_name: person.last_name,
      email,
      role: person.role,
      departments: person.departments.map((name) => byName(Object.values(departmentByName), name, 'department').id),
    };
    const found = existing.find((candidate) => candidate.email === email && !candidate.is_bot);
    const saved = found
      ? await admin.put(`/data/persons/${found.id}`, body)
      : await admin.post('/data/persons', { ...body, password: PERSON_PASSWORD });
    return { ...saved, departmentNames: person.departments };
  });
}

async function createProduction(admin, reference, people) {
  const project = await admin.post('/data/projects', {
    name: PRODUCTION_NAME,
    production_type: 'tvshow',
    fps: '25',
    start_date: isoDate(daysFromToday(-60)),
    end_date: isoDate(daysFromToday(180)),
  });
  const settings = [
    ...[...reference.assetTaskTypes, ...reference.shotTaskTypes].map((taskType) => [
      'task-types',
      { task_type_id: taskType.id },
    ]),
    ...Object.values(reference.statusByShortName).map((status) => ['task-status', { task_status_id: status.id }]),
    ...Object.values(reference.assetTypeByName).map((assetType) => ['asset-types', { asset_type_id: assetType.id }]),
  ];
  await mapWithConcurrency(settings, CONCURRENCY, ([kind, body]) =>
    admin.post(`/data/projects/${project.id}/settings/${kind}`, body),
  );
  await addToTeam(
    admin,
    project.id,
    people.map((person) => person.id),
  );
  return project;
}

async function createBreakdown(admin, project, reference, random, { shots: shotCount, assets: assetCount }) {
  const episodes = [];
  for (const name of ['E01', 'E02']) {
    episodes.push(
      await admin.post(`/data/projects/${project.id}/episodes`, { name, description: `Episode ${name.slice(1)}` }),
    );
  }
  const sequences = [];
  for (let index = 0; index < 6; index++) {
    const episode = episodes[Math.floor(index / 3)];
    sequences.push(
      await admin.post(`/data/projects/${project.id}/sequences`, {
        name: `SQ${String((index + 1) * 10).padStart(3, '0')}`,
        episode_id: episode.id,
      }),
    );
  }
  const shotSpecs = Array.from({ length: shotCount }, (_, index) => {
    const sequence = sequences[Math.floor((index * sequences.length) / shotCount)];
    return {
      name: `SH${String((index + 1) * 10).padStart(4, '0')}`,
      sequence_id: sequence.id,
      nb_frames: random.int(24, 240),
    };
  });
  const shots = await mapWithConcurrency(shotSpecs, CONCURRENCY, (spec) =>
    admin.post(`/data/projects/${project.id}/shots`, spec),
  );

  const usedNames = {};
  const assetSpecs = Array.from({ length: assetCount - 1 }, () => {
    const typeName = random.weighted(ASSET_TYPE_WEIGHTS);
    const pool = ASSET_NAMES[typeName];
    const rank = (usedNames[typeName] ?? -1) + 1;
    usedNames[typeName] = rank;
    const name = pool[rank % pool.length] + (rank >= pool.length ? ` ${Math.floor(rank / pool.length) + 1}` : '');
    // Characters live in the main pack; the rest belongs to the episode that introduced it.
    const episode = typeName === 'Character' ? null : random.pick([null, ...episodes]);
    return { typeName, name, description: `${typeName} for ${PRODUCTION_NAME}.`, episode_id: episode?.id ?? null };
  });
  assetSpecs.push({
    typeName: 'Prop',
    name: XSS_ASSET_NAME,
    description: 'XSS fixture: must render as text.',
    episode_id: null,
  });
  const assets = await mapWithConcurrency(assetSpecs, CONCURRENCY, async ({ typeName, ...body }) => ({
    ...(await admin.post(
      `/data/projects/${project.id}/asset-types/${reference.assetTypeByName[typeName].id}/assets/new`,
      body,
    )),
    typeName,
  }));
  return { episodes, sequences, shots, assets };
}

/** Every (entity, task type) pair that gets a task, in a deterministic order. */
function taskSlots(reference, { shots, assets }) {
  const slots = [
    ...reference.assetTaskTypes.flatMap((taskType) =>
      (taskType.name === 'Rigging' ? assets.filter((asset) => RIGGED_ASSET_TYPES.has(asset.typeName)) : assets).map(
        (entity) => ({ entity, taskType }),
      ),
    ),
    ...reference.shotTaskTypes.flatMap((taskType) => shots.map((entity) => ({ entity, taskType }))),
  ];
  const stage = new Map(
    [...reference.assetTaskTypes, ...reference.shotTaskTypes].map((taskType, index) => [taskType.id, index]),
  );
  return slots.sort(
    (a, b) => a.entity.name.localeCompare(b.entity.name) || stage.get(a.taskType.id) - stage.get(b.taskType.id),
  );
}

/** Decides status, people, dates and the comment history of one task. */
function planTask(slot, random, crew) {
  const artists = crew.artistsFor(slot.taskType);
  const reviewer = crew.reviewerFor(slot.taskType);
  const status = random.weighted(STATUS_WEIGHTS);
  const assignees = [];
  if (random.chance(status === 'todo' ? 0.55 : 0.92)) {
    assignees.push(random.pick(artists));
    if (random.chance(0.05)) {
      const second = random.pick(crew.allArtists);
      if (second !== assignees[0]) assignees.push(second);
    }
  }
  const author = assignees[0] ?? crew.manager;
  const text = (kind) => random.pick(COMMENT_TEXTS[kind]);
  const comment = (kind, person, daysAgo) => ({
    status: kind,
    person,
    daysAgo,
    text: text(kind),
    hour: random.int(9, 18),
  });
  const comments = [];
  if (status === 'ready') comments.push(comment('ready', crew.manager, random.int(1, 10)));
  if (status === 'wip') comments.push(comment('wip', author, random.int(1, 10)));
  if (status === 'wfa') {
    // Waiting for approval for 1 to 9 days; some also show when work started.
    const waitingDays = random.int(1, 9);
    if (random.chance(0.15)) comments.push(comment('wip', author, waitingDays + random.int(2, 6)));
    comments.push(comment('wfa', author, waitingDays));
  }
  if (status === 'retake') {
    const retakeDaysAgo = random.int(1, 7);
    comments.push(comment('wfa', author, retakeDaysAgo + random.int(1, 4)));
    comments.push(comment('retake', reviewer, retakeDaysAgo));
  }
  if (status === 'done') {
    const doneDaysAgo = random.int(1, 20);
    if (random.chance(0.1)) {
      comments.push(comment('wip', author, doneDaysAgo + random.int(5, 9)));
      comments.push(comment('wfa', author, doneDaysAgo + random.int(1, 4)));
    }
    comments.push(comment('done', reviewer, doneDaysAgo));
  }

  const update = {};
  if (assignees.length > 0) update.assignees = assignees.map((person) => person.id);
  if (random.chance(0.8)) {
    // From 15 days late to 45 days ahead: unfinished tasks due in the past are overdue.
    const dueInDays = random.int(-15, 45);
    update.due_date = isoDate(daysFromToday(dueInDays));
    update.start_date = isoDate(daysFromToday(dueInDays - random.int(3, 15)));
  }
  if (random.chance(0.65)) update.estimation = random.int(1, 12) * (MINUTES_PER_DAY / 2);
  const priority = Number(random.weighted({ 0: 80, 1: 10, 2: 6, 3: 4 }));
  if (priority > 0) update.priority = priority;
  return { ...slot, status, update, comments };
}

function buildCrew(people) {
  const artists = people.filter((person) => person.role === 'user');
  const manager = people.find((person) => person.role === 'manager');
  const inDepartment = (candidates, departmentName) =>
    candidates.filter((person) => person.departmentNames.includes(departmentName));
  const departmentOf = (taskType) => taskType.department_name ?? null;
  return {
    manager,
    allArtists: artists,
    artistsFor: (taskType) => {
      const matching = inDepartment(artists, departmentOf(taskType));
      return matching.length > 0 ? matching : artists;
    },
    reviewerFor: (taskType) =>
      inDepartment(
        people.filter((person) => person.role === 'supervisor'),
        departmentOf(taskType),
      )[0] ?? manager,
  };
}

/**
 * Creates the task already assigned and scheduled, then replays its comment
 * history. One POST /data/tasks with every field (about 25 ms of zou time)
 * is cheaper than the bulk create-tasks route (about 10 ms a task) followed
 * by a PUT per task (30-45 ms: a second auth, reload, events, notifications).
 */
async function applyPlan(admin, project, plan, { statusByShortName }, crew) {
  plan.task = await admin.post('/data/tasks', {
    name: 'main',
    project_id: project.id,
    task_type_id: plan.taskType.id,
    entity_id: plan.entity.id,
    task_status_id: statusByShortName.todo.id,
    assigner_id: crew.manager.id,
    ...plan.update,
  });
  for (const step of plan.comments) {
    // Managers may set the author and a past date (zou ignores both for other roles).
    const created = await admin.post(`/actions/tasks/${plan.task.id}/comment`, {
      task_status_id: statusByShortName[step.status].id,
      comment: step.text,
      person_id: step.person.id,
      created_at: commentTimestamp(step.daysAgo, step.hour),
    });
    step.commentId = created.id;
  }
}

/**
 * Seeds one production and returns what tests need to know about it.
 * `shots`/`assets` size it; `seed` fixes every random choice.
 */
export async function seedProduction(
  admin,
  { shots = DEFAULT_SHOTS, assets = DEFAULT_ASSETS, seed = DEFAULT_SEED, log = console.log } = {},
) {
  const random = createRandom(seed);
  const startedAt = Date.now();
  const progress = (message) => log(`  [${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${message}`);
  const reference = await loadReferenceData(admin);
  const departmentNameById = new Map(
    Object.values(reference.departmentByName).map((department) => [department.id, department.name]),
  );
  for (const taskType of [...reference.assetTaskTypes, ...reference.shotTaskTypes]) {
    taskType.department_name = departmentNameById.get(taskType.department_id) ?? null;
  }

  await deleteExistingProduction(admin, PRODUCTION_NAME);
  const people = await ensurePeople(admin, reference.departmentByName);
  const project = await createProduction(admin, reference, people);
  progress(`production ${project.name} (${project.id}), ${people.length} people in the team`);

  const breakdown = await createBreakdown(admin, project, reference, random, { shots, assets });
  progress(
    `${breakdown.episodes.length} episodes, ${breakdown.sequences.length} sequences, ${breakdown.shots.length} shots, ${breakdown.assets.length} assets`,
  );

  const crew = buildCrew(people);
  const plans = taskSlots(reference, breakdown).map((slot) => planTask(slot, random, crew));
  // The XSS comment goes on the first task that already has a conversation.
  const xssPlan = plans.find((plan) => plan.comments.length > 0);
  xssPlan.comments[xssPlan.comments.length - 1].text = XSS_COMMENT;
  await mapWithConcurrency(plans, CONCURRENCY, (plan) => applyPlan(admin, project, plan, reference, crew));
  const situations = await seedSituations(admin, project, reference, crew, breakdown.sequences);
  const commentCount =
    plans.reduce((sum, plan) => sum + plan.comments.length, 0) +
    situations.reduce((sum, situation) => sum + situation.history.length, 0);
  progress(
    `${plans.length + situations.length} tasks created with assignees, dates and estimates, ${commentCount} comments posted (${situations.length} situation shots)`,
  );

  const xssAsset = breakdown.assets.find((asset) => asset.name === XSS_ASSET_NAME);
  return {
    project,
    episodes: breakdown.episodes,
    people,
    counts: {
      shots: breakdown.shots.length + situations.length,
      assets: breakdown.assets.length,
      tasks: plans.length + situations.length,
      comments: commentCount,
    },
    xss: {
      assetId: xssAsset.id,
      assetName: XSS_ASSET_NAME,
      taskId: xssPlan.task.id,
      commentId: xssPlan.comments[xssPlan.comments.length - 1].commentId,
    },
  };
}
