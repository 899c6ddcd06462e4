// Runs the rules that apply to the page on a snapshot and returns their suggestions, sorted by severity
// then rule order. A rule that throws, or returns a suggestion that does not validate (a plan the
// PlanSchema refuses, say), is reported in `diagnostics`, not as a suggestion: it is a defect of
// Sidekick, not something about the production, it has no stable identity to dismiss, and the other
// rules' suggestions are unaffected. The panel can show diagnostics as a discreet footnote.
import type { PageContext } from '../kitsu-routes';
import type { ProjectRole } from '../plans/permissions';
import { todayOf } from './dates';
import { buildIndex } from './helpers';
import { registry } from './registry';
import {
  type AgentSettings,
  type AgentSettingsInput,
  AgentSettingsSchema,
  type AgentSnapshot,
  type AgentSnapshotInput,
  AgentSnapshotSchema,
  type AgentTask,
  type Dismissals,
  type Rule,
  type RuleId,
  type RuleInput,
  type Severity,
  type SnapshotIndex,
  type Suggestion,
  SuggestionSchema,
} from './types';

export interface RuleDiagnostic {
  /** 'snapshot' / 'settings' when the input itself was refused. */
  ruleId: RuleId | 'snapshot' | 'settings';
  message: string;
}

export interface RunResult {
  suggestions: Suggestion[];
  diagnostics: RuleDiagnostic[];
  /** Rules that ran on this page (applicable page kind, enabled). */
  ran: RuleId[];
  /** The lookups the rules used (names of the evidence's tasks); absent when the input was refused. */
  index?: SnapshotIndex;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
const ROLE_RANK: Record<ProjectRole, number> = { admin: 4, manager: 3, supervisor: 2, user: 1, client: 0, vendor: 0 };

/** Whether a token with `role` may run plans needing `needed` (zou still checks departments per operation). */
export function roleAllows(role: ProjectRole | undefined, needed: ProjectRole | null): boolean {
  if (needed === null) return false;
  return role !== undefined && ROLE_RANK[role] >= ROLE_RANK[needed];
}

/** The tasks the page shows: its production, entity type and episode, entity, task type or task. */
export function tasksInScope(context: PageContext, tasks: readonly AgentTask[]): AgentTask[] {
  return tasks.filter((task) => {
    if ('productionId' in context && task.projectId !== context.productionId) return false;
    const episode = 'episodeId' in context ? context.episodeId : undefined;
    if (episode && episode !== 'all' && episode !== 'main' && task.episodeId !== episode) return false;
    if ('entityType' in context && (context.entityType === 'shot' || context.entityType === 'asset')) {
      if (task.entityType !== context.entityType) return false;
    }
    switch (context.kind) {
      case 'task':
        return task.taskId === context.taskId;
      case 'entity':
        return task.entityId === context.entityId;
      case 'task-type':
        return task.taskTypeId === context.taskTypeId;
      default:
        return true;
    }
  });
}

/** What every rule receives; also what the alternative plan builders (overdueNewDueDatePlan) take. */
export function buildRuleInput(
  context: PageContext,
  snapshot: AgentSnapshot,
  settings: AgentSettings,
  now: Date,
): RuleInput {
  const index = buildIndex(snapshot);
  return { context, snapshot, scope: tasksInScope(context, snapshot.tasks), settings, now, today: todayOf(now), index };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function runRules(
  context: PageContext,
  snapshotInput: AgentSnapshot | AgentSnapshotInput,
  settingsInput: AgentSettings | AgentSettingsInput,
  now: Date,
  rules: readonly Rule[] = registry,
): RunResult {
  const diagnostics: RuleDiagnostic[] = [];
  const snapshotResult = AgentSnapshotSchema.safeParse(snapshotInput);
  if (!snapshotResult.success) {
    return { suggestions: [], diagnostics: [{ ruleId: 'snapshot', message: snapshotResult.error.message }], ran: [] };
  }
  const settingsResult = AgentSettingsSchema.safeParse(settingsInput);
  if (!settingsResult.success) {
    return { suggestions: [], diagnostics: [{ ruleId: 'settings', message: settingsResult.error.message }], ran: [] };
  }
  const snapshot = snapshotResult.data;
  const input = buildRuleInput(context, snapshot, settingsResult.data, now);
  const { settings } = input;

  const collected: { suggestion: Suggestion; order: number; position: number }[] = [];
  const seen = new Set<string>();
  const ran: RuleId[] = [];
  rules.forEach((rule, order) => {
    if (!rule.pageKinds.includes(context.kind) || settings.disabledRules.includes(rule.id)) return;
    ran.push(rule.id);
    let drafts: unknown[];
    try {
      drafts = rule.run(input);
    } catch (error) {
      diagnostics.push({ ruleId: rule.id, message: `the rule failed: ${message(error)}` });
      return;
    }
    drafts.forEach((draft, position) => {
      const parsed = SuggestionSchema.safeParse(draft);
      if (!parsed.success) {
        diagnostics.push({ ruleId: rule.id, message: `invalid suggestion dropped: ${parsed.error.message}` });
        return;
      }
      const suggestion = parsed.data;
      if (suggestion.ruleId !== rule.id) {
        diagnostics.push({ ruleId: rule.id, message: `suggestion ${suggestion.id} claims rule ${suggestion.ruleId}` });
        return;
      }
      if (seen.has(suggestion.id)) {
        diagnostics.push({ ruleId: rule.id, message: `duplicate suggestion id ${suggestion.id} dropped` });
        return;
      }
      seen.add(suggestion.id);
      const withPlan = suggestion.plan && rule.needsRole !== null;
      collected.push({
        suggestion: {
          ...suggestion,
          ...(withPlan ? { planRole: rule.needsRole ?? undefined } : { plan: undefined }),
          actionable: withPlan ? roleAllows(snapshot.viewer?.role, rule.needsRole) : false,
        },
        order,
        position,
      });
    });
  });
  collected.sort(
    (a, b) =>
      SEVERITY_RANK[a.suggestion.severity] - SEVERITY_RANK[b.suggestion.severity] ||
      a.order - b.order ||
      a.position - b.position,
  );
  const suggestions = collected.map(({ suggestion }) => {
    // No `plan: undefined` / `planRole: undefined` keys: the result stays equal to its JSON round trip.
    const { plan, planRole, ...rest } = suggestion;
    return { ...rest, ...(plan ? { plan } : {}), ...(planRole ? { planRole } : {}) };
  });
  return { suggestions, diagnostics, ran, index: input.index };
}

/** Whether a dismissal still hides its suggestion at `now`. */
export function isDismissed(dismissals: Dismissals, suggestionId: string, now: Date): boolean {
  const dismissal = dismissals[suggestionId];
  if (!dismissal) return false;
  if (dismissal.until === 'forever') return true;
  // A malformed date (NaN) compares false: the suggestion shows again rather than hiding forever.
  return Date.parse(dismissal.until) > now.getTime();
}

/** The suggestions not dismissed nor snoozed at `now`. */
export function visibleSuggestions<T extends { id: string }>(
  suggestions: readonly T[],
  dismissals: Dismissals,
  now: Date,
): T[] {
  return suggestions.filter((suggestion) => !isDismissed(dismissals, suggestion.id, now));
}

export function dismiss(dismissals: Dismissals, suggestionId: string): Dismissals {
  return { ...dismissals, [suggestionId]: { until: 'forever' } };
}

/** Hides a suggestion for `days` × 24 h from now ("Snooze 1 day / 1 week"). */
export function snooze(dismissals: Dismissals, suggestionId: string, now: Date, days: number): Dismissals {
  return { ...dismissals, [suggestionId]: { until: new Date(now.getTime() + days * 86_400_000).toISOString() } };
}

/** Drops expired snoozes, so stored dismissals do not grow forever. */
export function pruneDismissals(dismissals: Dismissals, now: Date): Dismissals {
  return Object.fromEntries(Object.entries(dismissals).filter(([id]) => isDismissed(dismissals, id, now)));
}
