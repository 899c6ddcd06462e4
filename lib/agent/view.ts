// The background's side of the suggestions panel, kept pure: which pages have suggestions, the agent
// snapshot built from what the session read (Kitsu's own shapes) and the compact view the dock receives.
import type {
  AssetWithTasks,
  Authenticated,
  Comment,
  Department,
  Person,
  Project,
  ShotWithTasks,
  TaskStatus,
  TaskType,
} from '../kitsu';
import { isTaskScopePage, type PageContext, realEpisodeOf } from '../kitsu-routes';
import { knownRole } from '../shared/roles';
import { DEFAULT_HOST_WORKFLOW, type HostWorkflowSettings, studioTimeZone } from '../workflow/host-settings';
import { type TaskLink, taskPageUrl } from './links';
import { registry } from './registry';
import { agentTasksOfLists } from './snapshot';
import type { AgentSnapshotInput, RuleId, SnapshotIndex, Suggestion } from './types';

/** The production pages the rules look at. */
export type AgentPageContext = Extract<PageContext, { kind: 'entity-list' | 'task-type' | 'entity' | 'task' }>;

export function agentPageOf(context: PageContext): AgentPageContext | null {
  return isTaskScopePage(context) ? context : null;
}

/** The episode a page narrows its lists to; undefined = the whole production. */
export function episodeOf(context: AgentPageContext): string | undefined {
  return realEpisodeOf(context);
}

export interface SnapshotSources {
  host: string;
  project: Pick<Project, 'id' | 'name' | 'max_retakes'>;
  authenticated: Pick<Authenticated, 'user'> | null;
  shots: readonly ShotWithTasks[];
  assets: readonly AssetWithTasks[];
  statuses: readonly TaskStatus[];
  taskTypes: readonly TaskType[];
  persons: readonly Person[];
  departments: readonly Department[];
  /** Threads read (the task page's own task), per task id. */
  comments?: Readonly<Record<string, readonly Comment[]>>;
  /** The host's status roles and time zone set in the options page. */
  workflow?: HostWorkflowSettings;
  /** The team's days off from today on, as zou's day-off route answers them (per person id). */
  dayOffs?: Readonly<Record<string, readonly { date: string; end_date: string }[]>>;
}

/** Who the token is on this Kitsu, as the rules see them; undefined when its role is unknown. */
export function viewerOf(authenticated: SnapshotSources['authenticated']): AgentSnapshotInput['viewer'] {
  const user = authenticated?.user;
  const role = knownRole(user?.role);
  return user && role ? { personId: user.id, role, departmentIds: [...(user.departments ?? [])] } : undefined;
}

/** The agent's snapshot from Kitsu's shapes: the rules validate it again (runRules parses it). */
export function buildAgentSnapshot(sources: SnapshotSources): AgentSnapshotInput {
  const viewer = viewerOf(sources.authenticated);
  const comments: NonNullable<AgentSnapshotInput['comments']> = {};
  for (const [taskId, thread] of Object.entries(sources.comments ?? {})) {
    comments[taskId] = thread.map((comment) => ({
      id: comment.id,
      person_id: comment.person_id,
      created_at: comment.created_at,
      text: comment.text,
      task_status_id: comment.task_status_id,
      checklist: comment.checklist ?? null,
      ...(comment.mentions ? { mentions: comment.mentions } : {}),
    }));
  }
  return {
    host: sources.host,
    project: { id: sources.project.id, name: sources.project.name, max_retakes: sources.project.max_retakes ?? null },
    ...(viewer ? { viewer } : {}),
    tasks: agentTasksOfLists(sources.project.id, { shots: sources.shots, assets: sources.assets }),
    statuses: sources.statuses.map((status) => ({
      id: status.id,
      name: status.name,
      short_name: status.short_name,
      is_done: status.is_done,
      is_retake: status.is_retake,
      is_feedback_request: status.is_feedback_request,
      is_wip: status.is_wip ?? null,
    })),
    taskTypes: sources.taskTypes.map((taskType) => ({
      id: taskType.id,
      name: taskType.name,
      department_id: taskType.department_id ?? null,
      priority: taskType.priority ?? null,
      for_entity: taskType.for_entity,
    })),
    persons: sources.persons.map((person) => ({
      id: person.id,
      full_name: person.full_name,
      departments: [...(person.departments ?? [])],
      role: person.role,
      active: person.active,
      is_bot: person.is_bot,
    })),
    departments: sources.departments.map(({ id, name }) => ({ id, name })),
    comments,
    statusRoleOverrides: { ...(sources.workflow?.statusRoles ?? {}) },
    timeZone: studioTimeZone(sources.workflow ?? DEFAULT_HOST_WORKFLOW),
    dayOffs: Object.fromEntries(
      Object.entries(sources.dayOffs ?? {}).map(([personId, periods]) => [
        personId,
        periods.map((period) => ({ date: period.date.slice(0, 10), endDate: period.end_date.slice(0, 10) })),
      ]),
    ),
  };
}

/** One suggestion as the dock shows it: no plan, no evidence objects, only what the panel prints. */
export interface SuggestionView {
  id: string;
  ruleId: RuleId;
  severity: Suggestion['severity'];
  title: string;
  /** The first REASONS_PER_SUGGESTION reasons, each within REASON_CHARS. */
  reasons: string[];
  /** How many reasons the suggestion has in all. */
  reasonCount: number;
  taskCount: number;
  /** The evidence's tasks with their Kitsu pages, at most LINKS_PER_SUGGESTION. */
  tasks: TaskLink[];
  hasPlan: boolean;
  actionable: boolean;
}

export interface SuggestionsView {
  /** Rules with at least one visible suggestion, in the registry's order; count = all of them. */
  groups: { ruleId: RuleId; name: string; count: number }[];
  /** At most SUGGESTIONS_PER_RULE per rule, in the engine's order (severity first). */
  suggestions: SuggestionView[];
  /** Suggestions hidden by a dismissal or snooze. */
  hidden: number;
  /** Defects of rules (not about the production), for a discreet footnote. */
  problems: number;
  /** Why the recent-human-decisions guard could not read Kitsu's event log; null when it did. */
  humanDecisionsUnchecked: string | null;
}

/** The link to a task of the snapshot, or undefined for a task the snapshot does not hold. */
export type TaskLinker = (taskId: string) => TaskLink | undefined;

/** Links to the tasks the rules saw, on the page's Kitsu and in the page's episode scope. */
export function taskLinker(index: SnapshotIndex | undefined, origin: string, context: AgentPageContext): TaskLinker {
  return (taskId) => {
    const task = index?.tasks.get(taskId);
    return task && index
      ? { taskId, label: index.label(task), url: taskPageUrl(origin, task, context.episodeId) }
      : undefined;
  };
}

/** Evidence links sent per suggestion: a backlog of 200 tasks lists its first ones and says how many. */
export const LINKS_PER_SUGGESTION = 30;

/**
 * Reasons sent per suggestion, and the characters of each. At 75,000 tasks one suggestion had 6,318
 * reasons (a task each without a date to count from) and a reason named 4,998 shots (70,689 characters):
 * the view was 5.4 MB, the dock built 48,000 list items, and no view was small enough to be kept.
 */
export const REASONS_PER_SUGGESTION = 8;
export const REASON_CHARS = 320;

/** The reason within `max` characters: cut after the last whole item of its list, then "…". */
export function shortReason(text: string, max = REASON_CHARS): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const lastItem = head.lastIndexOf(', ');
  return lastItem > max / 2 ? `${head.slice(0, lastItem)}, …` : `${head.trimEnd()}…`;
}

export function suggestionView(suggestion: Suggestion, link: TaskLinker = () => undefined): SuggestionView {
  const taskIds = new Set<string>();
  for (const reason of suggestion.reasons) for (const taskId of reason.evidence.taskIds ?? []) taskIds.add(taskId);
  for (const operation of suggestion.plan?.operations ?? []) taskIds.add(operation.taskId);
  const tasks: TaskLink[] = [];
  for (const taskId of taskIds) {
    const taskLink = tasks.length < LINKS_PER_SUGGESTION ? link(taskId) : undefined;
    if (taskLink) tasks.push(taskLink);
  }
  return {
    id: suggestion.id,
    ruleId: suggestion.ruleId,
    severity: suggestion.severity,
    title: suggestion.title,
    reasons: suggestion.reasons.slice(0, REASONS_PER_SUGGESTION).map((reason) => shortReason(reason.text)),
    reasonCount: suggestion.reasons.length,
    taskCount: taskIds.size,
    tasks,
    hasPlan: suggestion.plan !== undefined,
    actionable: suggestion.actionable,
  };
}

/** Suggestions sent per rule (the most severe first); the group's count says how many there are in all. */
export const SUGGESTIONS_PER_RULE = 20;

export function suggestionsView(
  suggestions: readonly Suggestion[],
  visible: readonly Suggestion[],
  {
    problems = 0,
    perRule = SUGGESTIONS_PER_RULE,
    link,
    humanDecisionsUnchecked = null,
  }: { problems?: number; perRule?: number; link?: TaskLinker; humanDecisionsUnchecked?: string | null } = {},
): SuggestionsView {
  const counts = new Map<RuleId, number>();
  const sent: SuggestionView[] = [];
  for (const suggestion of visible) {
    const count = (counts.get(suggestion.ruleId) ?? 0) + 1;
    counts.set(suggestion.ruleId, count);
    if (count <= perRule) sent.push(suggestionView(suggestion, link));
  }
  return {
    groups: registry
      .filter((rule) => counts.has(rule.id))
      .map((rule) => ({ ruleId: rule.id, name: rule.name, count: counts.get(rule.id) ?? 0 })),
    suggestions: sent,
    hidden: suggestions.length - visible.length,
    problems,
    humanDecisionsUnchecked,
  };
}

/** A view's size in characters of text, about its length as JSON: what keeping it costs. */
export function viewChars(view: SuggestionsView): number {
  let chars = 0;
  for (const suggestion of view.suggestions) {
    chars += suggestion.id.length + suggestion.title.length + 100;
    for (const reason of suggestion.reasons) chars += reason.length + 3;
    for (const task of suggestion.tasks) chars += task.taskId.length + task.label.length + task.url.length + 40;
  }
  return chars;
}
