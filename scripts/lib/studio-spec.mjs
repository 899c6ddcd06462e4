// What the second seeded production, "Lune Rousse", holds: a studio whose workflow is not zou's
// default, as a new user would bring it (custom statuses with and without flags, a task type with no
// department, an inactive person and a bot in the team, shot names repeated in every sequence and
// sequence names repeated across episodes, names in several scripts, dates last year and next year).
// Plain tables, no randomness: every task's status, dates, estimate and assignee is written here, so
// tests can compute what each suggestion rule should find from the API alone.

export const STUDIO_PRODUCTION_NAME = 'Lune Rousse';
export const STUDIO_EMAIL_DOMAIN = 'lunerousse-studio.net';

/**
 * Statuses zou's init-data does not create. zou's statuses are studio-wide (short names are unique
 * across the studio): the seed creates them once and adds them to this production only. `role` is
 * what the studio means by each one, the reference the workflow tests compare Sidekick's reading to.
 */
export const CUSTOM_STATUSES = [
  // No flag at all, like the "hold" of the issue: only its names tell it apart from "todo".
  { name: 'On Hold', short_name: 'hold', color: '#9e9e9e', role: 'on-hold' },
  { name: 'Omitted', short_name: 'omit', color: '#616161', role: 'omitted' },
  { name: 'Révision interne', short_name: 'rint', color: '#7e57c2', is_feedback_request: true, role: 'review' },
  { name: 'Validé client', short_name: 'vcli', color: '#2e7d32', is_done: true, role: 'done' },
];
/** zou's own statuses this production uses, with the role each one has. */
export const DEFAULT_STATUS_ROLES = {
  todo: 'todo',
  ready: 'todo',
  wip: 'wip',
  wfa: 'review',
  retake: 'retake',
  done: 'done',
};

/** A studio-wide task type with no department: anyone may be given its tasks. */
export const NO_DEPARTMENT_TASK_TYPE = { name: 'Roto', for_entity: 'Shot', color: '#8e24aa', priority: 4 };
export const SHOT_TASK_TYPES = ['Layout', 'Animation', NO_DEPARTMENT_TASK_TYPE.name];
export const ASSET_TASK_TYPES = ['Concept', 'Modeling'];
export const ASSET_TYPES = ['Character', 'Prop', 'Environment'];

/**
 * The crew. `key` names a person in the task tables. Olga left the studio (inactive, still assigned
 * to open work); Bram has no department; the render farm is a bot some Roto tasks are given to.
 */
export const STUDIO_PEOPLE = [
  { key: 'helene', first_name: 'Hélène', last_name: 'Marchand', login: 'helene.marchand', role: 'manager' },
  {
    key: 'hanako',
    first_name: '花子',
    last_name: '山田',
    login: 'hanako.yamada',
    role: 'supervisor',
    departments: ['Animation'],
  },
  {
    key: 'youssef',
    first_name: 'يوسف',
    last_name: 'العمراني',
    login: 'youssef.elamrani',
    role: 'user',
    departments: ['Animation'],
  },
  { key: 'ines', first_name: 'Inès', last_name: 'Duval', login: 'ines.duval', role: 'user', departments: ['Layout'] },
  { key: 'bram', first_name: 'Bram', last_name: 'de Vries', login: 'bram.devries', role: 'user' },
  {
    key: 'olga',
    first_name: 'Olga',
    last_name: 'Petrova',
    login: 'olga.petrova',
    role: 'user',
    departments: ['Animation'],
    active: false,
  },
];
export const STUDIO_BOT = {
  key: 'farm',
  first_name: 'Render',
  last_name: 'Farm',
  login: 'render-farm-bot',
  role: 'user',
};

/** Days off, in days from today (both ends included): Inès is away today. */
export const DAYS_OFF = [
  { person: 'ines', from: -1, to: 1, description: 'Congés' },
  { person: 'youssef', from: 7, to: 11, description: 'عطلة' },
];

export const EPISODES = [
  { name: 'E01 Le Départ', sequences: ['SQ01 plan-séquence', 'SQ02 الواحة'] },
  { name: 'E02 夜の森', sequences: ['SQ01 plan-séquence', 'SQ02 🦊 Poursuite'] },
];
export const SHOTS_PER_SEQUENCE = 8;
export const shotName = (index) => `SH${String((index + 1) * 10).padStart(4, '0')}`;

/** Due dates: days from today, or a fixed day of last or next calendar year. */
export const LAST_YEAR = { year: -1, monthDay: '11-14' };
export const NEXT_YEAR = { year: 1, monthDay: '02-03' };

// One task of a table: final status, its comment history ([status, days ago], oldest first) when the
// status needs dates zou derives from comments, due date, estimate in days, assignee key (null: none;
// 'lead' on Animation = Olga in the even sequences, Youssef in the odd ones).
const task = (status, due, estimateDays, assignee, history) => ({ status, due, estimateDays, assignee, history });

/** The same statuses in every sequence: the labels of SH0020's Roto task differ by episode and sequence only. */
export const SHOT_TASKS = {
  Layout: [
    task('done', -30, 2, 'ines'),
    task('done', -25, 2, 'ines'),
    task('vcli', -20, 2, 'bram'),
    task('done', LAST_YEAR, 1, 'ines'),
    task('done', -15, 2, 'bram'),
    task('wfa', -5, 2, 'ines', [
      ['wip', 9],
      ['wfa', 6],
    ]),
    task('wip', -3, 3, 'bram', [
      ['wip', 14],
      ['wip', 11],
    ]),
    task('todo', 10, null, null),
  ],
  Animation: [
    task('wip', -2, 10, 'lead', [
      ['wip', 4],
      ['wip', 2],
    ]),
    task('wfa', -4, 8, 'lead', [
      ['wip', 10],
      ['wfa', 8],
    ]),
    task('retake', -6, 8, 'lead', [
      ['wfa', 5],
      ['retake', 3],
    ]),
    // Went on hold after weeks of work: an idle "in progress" task to a reading that ignores holds.
    task('hold', -10, null, 'lead', [
      ['wip', 25],
      ['hold', 18],
    ]),
    task('todo', 0, 6, 'lead'),
    task('rint', 7, 5, 'lead', [
      ['wip', 7],
      ['rint', 5],
    ]),
    task('hold', LAST_YEAR, null, null),
    task('omit', -20, null, null),
  ],
  Roto: [
    task('todo', -1, null, null),
    task('hold', -8, null, 'bram'),
    task('omit', -12, null, null),
    task('todo', 0, 2, 'farm'),
    task('wip', 3, 4, 'farm', [
      ['wip', 6],
      ['wip', 5],
    ]),
    task('todo', NEXT_YEAR, null, 'bram'),
    task('hold', -3, null, null),
    task('done', -40, 1, 'bram'),
  ],
};
/** A second Roto task on the first shot of the first sequence: same entity and task type, another task name. */
export const SECOND_ROTO_TASK = { name: 'cleanup', ...task('todo', 5, 1, 'bram') };

export const ASSETS = [
  { type: 'Character', name: 'Renard roux' },
  { type: 'Character', name: '狐の母' },
  { type: 'Character', name: 'ثعلب الصحراء' },
  { type: 'Prop', name: 'Lanterne' },
  // Same name, another asset type.
  { type: 'Environment', name: 'Lanterne' },
  { type: 'Prop', name: '🌙 Lune de papier' },
  {
    type: 'Environment',
    name: 'Le vieux moulin de Grand-mère Hérisson, au bord de la rivière qui chante (version longue)',
  },
];
/** Per asset task type, one task per asset of ASSETS, in the same order. Nobody works in these departments: Bram (no department) does. */
export const ASSET_TASKS = {
  Concept: [
    task('done', -30, 2, 'bram'),
    task('done', -28, 2, 'bram'),
    task('vcli', -25, 2, 'bram'),
    task('hold', -5, null, null),
    task('done', -20, 1, 'bram'),
    task('wip', -2, 3, 'bram', [
      ['wip', 8],
      ['wip', 6],
    ]),
    task('omit', -10, null, null),
  ],
  Modeling: [
    task('wip', 5, 6, 'bram', [
      ['wip', 5],
      ['wip', 4],
    ]),
    task('todo', 12, null, null),
    task('wfa', -1, 4, 'bram', [
      ['wip', 6],
      ['wfa', 4],
    ]),
    task('hold', LAST_YEAR, null, null),
    task('todo', NEXT_YEAR, 5, 'bram'),
    task('todo', 3, null, null),
    task('omit', -10, null, null),
  ],
};

/**
 * Changes Hélène makes with her own token once everything else is seeded: recent human decisions the
 * event log records. `sequence` indexes the sequences in EPISODES order, `shot` the shots in it.
 */
export const HUMAN_DECISIONS = [
  // Was Bram's; she took him off it, so it is unassigned because a person said so.
  { field: 'assignees', sequence: 0, shot: 5, taskType: 'Roto', unassign: 'bram' },
  { field: 'dates', sequence: 1, shot: 7, taskType: 'Layout', dueInDays: 14 },
  { field: 'estimation', sequence: 2, shot: 3, taskType: 'Roto', estimateDays: 3 },
];

export const COMMENT_TEXTS = {
  wip: 'Travail en cours.',
  wfa: 'Prêt pour la relecture.',
  rint: 'Relecture interne demandée.',
  retake: 'Le rythme est trop rapide au milieu, merci de reprendre.',
  hold: 'En pause : on attend les retours du client.',
};
