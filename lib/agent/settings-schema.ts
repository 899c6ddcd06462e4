// The agent settings' schema, built from the registry: the general settings, which rules are switched
// off, and each rule's thresholds under its settings key. Pure: the engine validates with it, the
// options page and the storage too (lib/agent/settings.ts).
import { z } from 'zod';
import { registry } from './registry';
import { type AgentSettings, type AgentSettingsInput, GeneralSettingsSchema, type Rule } from './types';

export function agentSettingsSchema(rules: readonly Rule[]): z.ZodType<AgentSettings, AgentSettingsInput> {
  const ids = rules.map((rule) => rule.id);
  return GeneralSettingsSchema.extend({
    disabledRules: z.array(z.string().refine((id) => ids.includes(id), 'no such rule')).default([]),
    ...Object.fromEntries(rules.map((rule) => [rule.settingsKey, rule.settings])),
  });
}

export const AgentSettingsSchema = agentSettingsSchema(registry);
export const DEFAULT_AGENT_SETTINGS: AgentSettings = AgentSettingsSchema.parse({});
