// The agent's settings as a person sets them in the options page: stored in browser.storage.local
// (not secret), read by the background each time it runs the rules. The options page builds its form
// from SETTING_FIELDS, so every threshold has a label, and a refusal names the field it is about.
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { OptionField } from '../forms/fields';
import { t } from '../i18n';
import { registry } from './registry';
import { AgentSettingsSchema, DEFAULT_AGENT_SETTINGS } from './settings-schema';
import type { AgentSettings, Rule } from './types';

export const AGENT_SETTINGS_KEY = 'sidekick-agent-settings';

/** One number of the settings: a general one (rule null), or a threshold of a rule. */
export type SettingField = OptionField & { rule: Rule | null };

/** The numbers every rule shares; the working days have their own row in the options page. */
const GENERAL_FIELDS: readonly OptionField<'recentHumanChangeDays' | 'minutesPerDay'>[] = [
  {
    kind: 'number',
    key: 'recentHumanChangeDays',
    label: t('settingRecentHuman'),
    hint: t('settingRecentHumanHint'),
  },
  {
    kind: 'number',
    key: 'minutesPerDay',
    label: t('settingMinutesPerDay'),
    hint: t('settingMinutesPerDayHint'),
  },
];

/** Every number a person can set, in the order the options page shows them (rules in registry order). */
export const SETTING_FIELDS: readonly SettingField[] = [
  ...GENERAL_FIELDS.map((field) => ({ ...field, rule: null })),
  ...registry.flatMap((rule) => rule.fields.map((field) => ({ ...field, rule }))),
];

const thresholdsOf = (settings: AgentSettings, rule: Rule) =>
  (settings[rule.settingsKey] ?? {}) as Readonly<Record<string, number>>;

/** The value of a field in some settings. */
export function fieldValue(settings: AgentSettings, setting: SettingField): number {
  const value = setting.rule === null ? settings[setting.key] : thresholdsOf(settings, setting.rule)[setting.key];
  return typeof value === 'number' ? value : Number.NaN;
}

/** The settings with one field set (the form keeps its draft this way). */
export function withFieldValue(settings: AgentSettings, setting: SettingField, value: number): AgentSettings {
  if (setting.rule === null) return { ...settings, [setting.key]: value };
  const key = setting.rule.settingsKey;
  return { ...settings, [key]: { ...thresholdsOf(settings, setting.rule), [setting.key]: value } };
}

/** "Overdue, Critical after (days late): must be 0 or more." for each problem of a refused input. */
export function settingsProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const [first, second] = issue.path;
    const setting = SETTING_FIELDS.find((candidate) =>
      candidate.rule === null
        ? candidate.key === first
        : candidate.rule.settingsKey === first && candidate.key === second,
    );
    const where = setting
      ? setting.rule === null
        ? setting.label
        : t('settingRuleField', { rule: setting.rule.name, field: setting.label })
      : first === 'workdays'
        ? t('agentWorkingDays')
        : first === 'disabledRules'
          ? t('settingRulesOff')
          : issue.path.join('.') || t('popupSettings');
    return t('settingProblem', { where, problem: issue.message });
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
