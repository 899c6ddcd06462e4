// The agent's settings as a person sets them in the options page: stored in browser.storage.local
// (not secret), read by the background each time it runs the rules. The options page builds its form
// from SETTING_FIELDS, so every threshold has a label, and a refusal names the field it is about.
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { registry } from './registry';
import { type AgentSettings, AgentSettingsSchema, DEFAULT_AGENT_SETTINGS, type RuleId } from './types';

export const AGENT_SETTINGS_KEY = 'sidekick-agent-settings';

type Group = {
  [K in keyof AgentSettings]: AgentSettings[K] extends Record<string, number> ? K : never;
}[keyof AgentSettings];
type TopLevelNumber = {
  [K in keyof AgentSettings]: AgentSettings[K] extends number ? K : never;
}[keyof AgentSettings];

/** One number of the settings: where it lives, and how the options page names it. */
export type SettingField =
  | { rule: null; key: TopLevelNumber; label: string; help: string }
  | { rule: RuleId; group: Group; key: string; label: string; help: string };

const RULE_GROUPS: Record<RuleId, Group> = {
  overdue: 'overdue',
  'review-backlog': 'reviewBacklog',
  'stale-wip': 'staleWip',
  unassigned: 'unassigned',
  overload: 'overload',
  'retake-loop': 'retakeLoop',
  'missing-estimates-dates': 'missingEstimatesDates',
  'start-on-wip': 'startOnWip',
  'thread-digest': 'threadDigest',
  'priority-drift': 'priorityDrift',
};

const field = (rule: RuleId, key: string, label: string, help: string): SettingField => ({
  rule,
  group: RULE_GROUPS[rule],
  key,
  label,
  help,
});

/** Every number a person can set, in the order the options page shows them (rules in registry order). */
export const SETTING_FIELDS: readonly SettingField[] = [
  {
    rule: null,
    key: 'recentHumanChangeDays',
    label: 'Recent human decisions (days)',
    help: 'Plans leave out a task whose assignment, dates or estimate a person changed in the last N days, and say so. 0 = off.',
  },
  {
    rule: null,
    key: 'minutesPerDay',
    label: 'Working time per day (minutes)',
    help: 'Capacity of a person per working day, for workloads and overload.',
  },
  field('overdue', 'graceDays', 'Days late before it counts', 'A task due N days ago or less is not reported yet.'),
  field('overdue', 'criticalAfterDays', 'Critical after (days late)', 'From N days late the suggestion is critical.'),
  field('review-backlog', 'waitingDays', 'Waiting for more than (days)', 'Days in a feedback-request status.'),
  field('review-backlog', 'criticalAfterDays', 'Critical after (days waiting)', 'The oldest waits N days or more.'),
  field('stale-wip', 'idleDays', 'Idle for (days)', 'No comment nor time logged for N days.'),
  field(
    'unassigned',
    'urgentWithinDays',
    'Urgent when due within (days)',
    'Unassigned tasks due this soon are warnings.',
  ),
  field('retake-loop', 'retakeThreshold', 'Retakes', "From N retakes (or the production's maximum)."),
  field('missing-estimates-dates', 'minSimilar', 'Similar tasks needed', 'Tasks of the same type needed for a median.'),
  field('thread-digest', 'maxQuotes', 'Quotes', 'Last messages quoted in the digest.'),
  field('thread-digest', 'quoteLength', 'Quote length (characters)', 'Longer messages are cut.'),
  field('priority-drift', 'minPriority', 'From priority', '1 = high, 2 = very high, 3 = emergency.'),
  field('priority-drift', 'idleDays', 'Not moved for (days)', 'Prioritised tasks unchanged for N days.'),
  field(
    'priority-drift',
    'blockingCount',
    'Blocking at least (tasks)',
    'Not-started later steps of the same shot or asset.',
  ),
];

/** The value of a field in some settings. */
export function fieldValue(settings: AgentSettings, setting: SettingField): number {
  if (setting.rule === null) return settings[setting.key];
  return (settings[setting.group] as Record<string, number>)[setting.key] ?? Number.NaN;
}

/** The settings with one field set (the form keeps its draft this way). */
export function withFieldValue(settings: AgentSettings, setting: SettingField, value: number): AgentSettings {
  if (setting.rule === null) return { ...settings, [setting.key]: value };
  return { ...settings, [setting.group]: { ...settings[setting.group], [setting.key]: value } };
}

const ruleName = (ruleId: RuleId) => registry.find((rule) => rule.id === ruleId)?.name ?? ruleId;

/** "Overdue, Critical after (days late): must be 0 or more." for each problem of a refused input. */
export function settingsProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const [first, second] = issue.path;
    const setting = SETTING_FIELDS.find((candidate) =>
      candidate.rule === null ? candidate.key === first : candidate.group === first && candidate.key === second,
    );
    const where = setting
      ? setting.rule === null
        ? setting.label
        : `${ruleName(setting.rule)}, ${setting.label}`
      : first === 'workdays'
        ? 'Working days'
        : first === 'disabledRules'
          ? 'Rules switched off'
          : issue.path.join('.') || 'Settings';
    return `${where}: ${issue.message}.`;
  });
}

export class AgentSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'AgentSettingsError';
  }
}

/** Parses settings a person entered; refuses them with every problem named by its field. */
export function parseAgentSettings(input: unknown): AgentSettings {
  const result = AgentSettingsSchema.safeParse(input);
  if (!result.success) throw new AgentSettingsError(settingsProblems(result.error));
  return result.data;
}

/**
 * The stored settings; missing fields take their defaults (a newer Sidekick adds thresholds). A stored
 * value that no longer validates falls back to the defaults rather than stopping the rules.
 */
export async function readAgentSettings(): Promise<AgentSettings> {
  const stored = (await browser.storage.local.get(AGENT_SETTINGS_KEY))[AGENT_SETTINGS_KEY];
  const result = AgentSettingsSchema.safeParse(stored ?? {});
  if (result.success) return result.data;
  console.warn('[sidekick] stored agent settings refused, using the defaults:', settingsProblems(result.error));
  return DEFAULT_AGENT_SETTINGS;
}

export async function saveAgentSettings(input: unknown): Promise<AgentSettings> {
  const settings = parseAgentSettings(input);
  await browser.storage.local.set({ [AGENT_SETTINGS_KEY]: settings });
  return settings;
}
