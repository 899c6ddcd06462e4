// Runs the rules that apply to the page on a snapshot and returns their suggestions, sorted by severity
// then rule order. A rule that throws, or returns a suggestion that does not validate (a plan the
// PlanSchema refuses, say), is reported in `diagnostics`, not as a suggestion: it is a defect of
// Sidekick, not something about the production, it has no stable identity to dismiss, and the other
// rules' suggestions are unaffected. The panel can show diagnostics as a discreet footnote.
import { z } from 'zod';
import { type PageContext, realEpisodeOf } from '../kitsu-routes';
import { type Plan, PlanSchema } from '../plans/model';
import { todayOf } from '../shared/dates';
import { type KitsuRole, roleAllows } from '../shared/roles';
import { buildIndex, isRulePlan } from './helpers';
import { registry } from './registry';
import { AgentSettingsSchema } from './settings-schema';
import {
  type AgentSettings,
  type AgentSettingsInput,
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

/**
 * A rule's suggestion as the engine checks it: a plan rulePlan built is taken as it is (PlanSchema checks
 * it again when it is proposed); any other plan is checked here, so a rule's defect never reaches the panel.
 */
const DraftSuggestionSchema = SuggestionSchema.extend({
  plan: z.union([z.custom<Plan>(isRulePlan), PlanSchema]).optional(),
});

/** The tasks the page shows: its production, entity type and episode, entity, task type or task. */
export function tasksInScope(context: PageContext, tasks: readonly AgentTask[]): AgentTask[] {
  return tasks.filter((task) => {
    if ('productionId' in context && task.projectId !== context.productionId) return false;
    const episode = realEpisodeOf(context);
    if (episode && task.episodeId !== episode) return false;
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
  return {
    context,
    snapshot,
    scope: tasksInScope(context, snapshot.tasks),
    settings,
    now,
    today: todayOf(now, snapshot.timeZone),
    index,
  };
}

/**
 * The suggestion with its plan's role and whether the viewer may run it. The parsed suggestion is a
 * copy of the rule's, so it is completed in place: at 75,000 tasks every copy of 43,000 suggestions
 * shows in the run's time. No `plan: undefined` / `planRole: undefined` keys: the result stays equal
 * to its JSON round trip.
 */
function withRole(suggestion: Suggestion, needsRole: Rule['needsRole'], viewerRole: KitsuRole | undefined): Suggestion {
  if (suggestion.plan && needsRole !== null) {
    suggestion.planRole = needsRole;
    suggestion.actionable = roleAllows(viewerRole, needsRole);
    return suggestion;
  }
  suggestion.actionable = false;
  if (!('plan' in suggestion) && !('planRole' in suggestion)) return suggestion;
  // A plan the rule's role cannot carry (needsRole null), or a planRole a rule set itself: dropped.
  const { plan: _unusable, planRole: _unset, ...informative } = suggestion;
  return informative;
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
      const parsed = DraftSuggestionSchema.safeParse(draft);
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
      collected.push({ suggestion: withRole(suggestion, rule.needsRole, snapshot.viewer?.role), order, position });
    });
  });
  collected.sort(
    (a, b) =>
      SEVERITY_RANK[a.suggestion.severity] - SEVERITY_RANK[b.suggestion.severity] ||
      a.order - b.order ||
      a.position - b.position,
  );
  const suggestions = collected.map(({ suggestion }) => suggestion);
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
