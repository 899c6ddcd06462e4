// The agent's data model: what the background hands the rules (a snapshot of the production it has
// cached), the thresholds a person set in the options page, and what rules answer (suggestions with
// their reasons, evidence and an optional plan). Rules are pure: everything they know is in here.
import { z } from 'zod';
import type { SelectedTask } from '../bulk/selection';
import type { OptionField } from '../forms/fields';
import { t } from '../i18n/pure';
import type { PageContext, PageKind } from '../kitsu-routes';
import { PlanSchema, TASK_STATE_FIELDS } from '../plans/model';
import { KITSU_ROLES, type KitsuRole } from '../shared/roles';
import type { TaskLabel } from '../workflow/labels';
import { type StatusRole, StatusRoleOverridesSchema } from '../workflow/status-roles';

const id = z.string().min(1);
/** zou dates: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS", no time zone: read as UTC calendar dates. */
const zouDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a YYYY-MM-DD date');
const day = zouDate.nullable();

/** A rule's id, kebab-case: also its file's name in rules/, and (camelCase) the key of its thresholds. */
export const RuleIdSchema = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'expected a rule id');
export type RuleId = string;

const KitsuRoleSchema = z.enum(KITSU_ROLES);

/** A task of the snapshot: a bulk `SelectedTask` plus the list-view fields the rules read. */
export const AgentTaskSchema = z.object({
  taskId: id,
  projectId: id,
  entityId: id,
  entityName: z.string(),
  entityType: z.enum(['shot', 'asset']),
  episodeId: z.string().nullable(),
  sequenceName: z.string().nullable(),
  /** For labels: the episode's and the asset type's names (absent from older snapshots). */
  episodeName: z.string().nullable().default(null),
  assetTypeName: z.string().nullable().default(null),
  taskTypeId: id,
  ...TASK_STATE_FIELDS,
  lastCommentDate: day,
  /** zou retake_count. */
  retakeCount: z.number().int().nonnegative().default(0),
  /** zou real_start_date: the day the task first went WIP. */
  realStartDate: day.default(null),
  /** zou end_date: the day the task last went to a feedback-request status. */
  endDate: day.default(null),
  doneDate: day.default(null),
  /** Minutes of time logged (zou duration). */
  duration: z.number().nonnegative().nullable().default(null),
  /** Newest time-spent date, when the background read the time sheets; null = unknown. */
  lastTimeLogDate: day.default(null),
});
export type AgentTask = z.output<typeof AgentTaskSchema>;
export type AgentTaskInput = z.input<typeof AgentTaskSchema>;
// An AgentTask is a SelectedTask: bulk helpers accept it unchanged.
const _isSelectedTask = (task: AgentTask): SelectedTask => task;
void _isSelectedTask;

export const AgentStatusSchema = z.object({
  id,
  name: z.string(),
  short_name: z.string().optional(),
  is_done: z.boolean(),
  is_retake: z.boolean().default(false),
  is_feedback_request: z.boolean().default(false),
  is_wip: z.boolean().nullish(),
});
export type AgentStatus = z.output<typeof AgentStatusSchema>;

export const AgentTaskTypeSchema = z.object({
  id,
  name: z.string(),
  department_id: z.string().nullable().default(null),
  /** Pipeline order (zou task_type.priority): lower comes first. */
  priority: z.number().nullish(),
  for_entity: z.string().optional(),
});
export type AgentTaskType = z.output<typeof AgentTaskTypeSchema>;

export const AgentPersonSchema = z.object({
  id,
  full_name: z.string(),
  departments: z.array(id).default([]),
  /** Studio role (zou person.role): admin, manager, supervisor, user, client, vendor. */
  role: z.string(),
  active: z.boolean().default(true),
  is_bot: z.boolean().default(false),
});
export type AgentPerson = z.output<typeof AgentPersonSchema>;

export const AgentDepartmentSchema = z.object({ id, name: z.string() });
export type AgentDepartment = z.output<typeof AgentDepartmentSchema>;

/** A checklist item of a comment, as Kitsu stores it. */
export const ChecklistItemSchema = z.object({ text: z.string(), checked: z.boolean() });

export const AgentCommentSchema = z.object({
  id,
  person_id: id,
  created_at: zouDate,
  text: z.string().nullable(),
  task_status_id: id,
  /** Kitsu's items are {text, checked}; anything else is ignored. */
  checklist: z.array(z.unknown()).nullish(),
  /** Person ids zou found as @mentions; absent = read "@Full Name" from the text. */
  mentions: z.array(id).optional(),
});
export type AgentComment = z.output<typeof AgentCommentSchema>;

export const HUMAN_CHANGE_FIELDS = ['status', 'assignees', 'dates', 'estimation', 'priority'] as const;
/** A change a person made to a task (from events or the task's history), newest knowledge the background has. */
export const HumanChangeSchema = z.object({
  field: z.enum(HUMAN_CHANGE_FIELDS),
  personId: z.string().nullable(),
  at: zouDate,
  /** Read from an edit whose field Kitsu's log does not name (dates, estimate or priority). */
  inexact: z.boolean().default(false),
});
export type HumanChange = z.output<typeof HumanChangeSchema>;
export type HumanChangeField = HumanChange['field'];

export const AgentSnapshotSchema = z.object({
  /** Kitsu origin the plans are built against. */
  host: z.url({ protocol: /^https?$/ }),
  project: z.object({ id, name: z.string(), max_retakes: z.number().int().nullish() }),
  /** The token's identity on this production; absent = plans are information only. */
  viewer: z.object({ personId: id, role: KitsuRoleSchema, departmentIds: z.array(id).default([]) }).optional(),
  /** Every task the background knows in the production (workloads need more than the visible scope). */
  tasks: z.array(AgentTaskSchema),
  statuses: z.array(AgentStatusSchema),
  taskTypes: z.array(AgentTaskTypeSchema),
  persons: z.array(AgentPersonSchema),
  departments: z.array(AgentDepartmentSchema).default([]),
  /** Comments per task id, oldest or newest first; only tasks whose thread was read (task page). */
  comments: z.record(z.string(), z.array(AgentCommentSchema)).default({}),
  /** Recent human changes per task id, when known. */
  recentChanges: z.record(z.string(), z.array(HumanChangeSchema)).default({}),
  /** The roles a person chose for some statuses of this host (options page); the others are derived. */
  statusRoleOverrides: StatusRoleOverridesSchema.default({}),
  /** People's days off in Kitsu from today on, per person id (both days included): they shrink workloads' time. */
  dayOffs: z.record(z.string(), z.array(z.object({ date: z.string(), endDate: z.string() }))).default({}),
  /** The studio's time zone (IANA name): what "today" is for due dates. null: UTC. */
  timeZone: z.string().nullable().default(null),
});
export type AgentSnapshot = z.output<typeof AgentSnapshotSchema>;
export type AgentSnapshotInput = z.input<typeof AgentSnapshotSchema>;

// Messages read well after a field's label: "Overdue, critical after (days): must be 0 or more".
/** A whole number a person sets in the options page. */
export const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: t('settingMustBeNumber') })
    .int(t('settingMustBeWhole'))
    // As strings: a bound is written as typed (1440), not as a formatted number (1,440).
    .min(min, t('settingAtLeast', { min: String(min) }))
    .max(max, t('settingAtMost', { max: String(max) }));
/** A number of days (0 to 365), with its default. */
export const dayCount = (value: number) => wholeNumber(0, 365).default(value);

/** The settings every rule shares; each rule declares its own thresholds (rule.settings). */
export const GeneralSettingsSchema = z.object({
  /** Rules switched off in the options page. */
  disabledRules: z.array(RuleIdSchema).default([]),
  /** A change a person made to a task in the last N days (N × 24 h) is not overridden by a plan. 0 = off. */
  recentHumanChangeDays: dayCount(3),
  /** Working time of a person per working day, in minutes (workloads, capacity). */
  minutesPerDay: wholeNumber(1, 1440).default(480),
  /** Working days, 0 = Sunday … 6 = Saturday (UTC calendar). */
  workdays: z.array(wholeNumber(0, 6)).min(1, t('settingPickWorkday')).default([1, 2, 3, 4, 5]),
});
export type GeneralSettings = z.output<typeof GeneralSettingsSchema>;
/** The agent settings as stored: the general ones, and each rule's thresholds under its `settingsKey`. */
export type AgentSettings = GeneralSettings & { readonly [settingsKey: string]: unknown };
export type AgentSettingsInput = z.input<typeof GeneralSettingsSchema> & { readonly [settingsKey: string]: unknown };

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const EvidenceSchema = z
  .object({
    taskIds: z.array(id),
    personIds: z.array(id),
    /** YYYY-MM-DD. */
    dates: z.array(z.string()),
    /** Named figures: minutes, days, counts. */
    numbers: z.record(z.string(), z.number()),
  })
  .partial()
  .strict();
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ReasonSchema = z.object({ text: z.string().min(1), evidence: EvidenceSchema }).strict();
export type Reason = z.infer<typeof ReasonSchema>;

export const SuggestionSchema = z
  .object({
    /** Rule id + hash of the sorted evidence ids: the same situation keeps its id across reloads. */
    id,
    ruleId: RuleIdSchema,
    severity: SeveritySchema,
    title: z
      .string()
      .min(1)
      .refine((text) => !text.includes('\n'), 'a title is one line'),
    reasons: z.array(ReasonSchema).min(1),
    plan: PlanSchema.optional(),
    /** The role the plan needs (from the rule); set by the engine when there is a plan. */
    planRole: KitsuRoleSchema.optional(),
    /** Set by the engine: there is a plan and the token's role may run it; false = information only. */
    actionable: z.boolean().default(false),
  })
  .strict();
export type Suggestion = z.output<typeof SuggestionSchema>;
/** What a rule returns: the engine adds planRole and actionable. */
export type RuleSuggestion = Omit<Suggestion, 'planRole' | 'actionable'>;

export const DismissalSchema = z.object({
  until: z.union([z.literal('forever'), z.iso.datetime({ offset: true })]),
});
export const DismissalsSchema = z.record(z.string(), DismissalSchema);
export type Dismissals = z.infer<typeof DismissalsSchema>;

/** Lookups shared by the rules, built once per run. */
export interface SnapshotIndex {
  tasks: ReadonlyMap<string, AgentTask>;
  statuses: ReadonlyMap<string, AgentStatus>;
  taskTypes: ReadonlyMap<string, AgentTaskType>;
  persons: ReadonlyMap<string, AgentPerson>;
  departments: ReadonlyMap<string, AgentDepartment>;
  statusName(task: AgentTask): string;
  taskTypeName(task: AgentTask): string;
  personName(personId: string): string;
  /** "E01 / SQ010 / SH010 / Animation": unique within the production (lib/workflow/labels.ts). */
  label(task: AgentTask): string;
  /** The label with its shortened form and title, for views. */
  taskLabel(task: AgentTask): TaskLabel;
  /** The role of a status on this host (an unknown status is work to do). */
  statusRole(statusId: string): StatusRole;
  /** Work someone is expected to do: to do, in progress, waiting for review, retake (not on hold, omitted, done). */
  isOpen(task: AgentTask): boolean;
  isWip(task: AgentTask): boolean;
  isFeedback(task: AgentTask): boolean;
}

export interface RuleInput {
  context: PageContext;
  snapshot: AgentSnapshot;
  /** The tasks of the visible scope (the page's production, entity type, episode, entity, task type or task). */
  scope: readonly AgentTask[];
  settings: AgentSettings;
  now: Date;
  /** UTC calendar day of now, YYYY-MM-DD. */
  today: string;
  index: SnapshotIndex;
}

export interface Rule {
  id: RuleId;
  /** For the options page and the panel's group header. */
  name: string;
  description: string;
  pageKinds: readonly PageKind[];
  /** The least role whose token may run the plans (null = the rule proposes no plan). */
  needsRole: KitsuRole | null;
  /** Where its thresholds are stored in the settings: its id in camelCase ("late-review": "lateReview"). */
  settingsKey: string;
  /** Its thresholds, each with its default: a missing or partial slice reads as the defaults. */
  settings: z.ZodType;
  /** The thresholds the options page shows for it, in order. */
  fields: readonly OptionField[];
  run(input: RuleInput): RuleSuggestion[];
}
