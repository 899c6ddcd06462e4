// AI is off until a person picks a provider, and then only on the Kitsu hosts they switch it on for:
// a studio that forbids sending production data to a model keeps it off on its host.

import { z } from 'zod';
import { t } from '../i18n/pure';
import { AI_PROVIDER_KINDS, REDACTABLE_FIELDS } from '../messaging/protocol/ai';
import { AiError } from './errors';
import { DEFAULT_EXCLUSIONS } from './redaction';

export const AiSettingsSchema = z.object({
  provider: z.enum(AI_PROVIDER_KINDS).default('off'),
  /** The chat-completions URL, normalised (openai-compatible only). */
  endpoint: z.string().default(''),
  model: z.string().default(''),
  /** Secret: stays in the background's IndexedDB, never in a message. */
  key: z.string().optional(),
  /** Kitsu origins where AI may be used. */
  enabledHosts: z.array(z.string()).default([]),
  /** Redacted by default from every prompt (names and e-mail addresses unless changed); the person can change it per draft. */
  exclude: z.array(z.enum(REDACTABLE_FIELDS)).default([...DEFAULT_EXCLUSIONS]),
  answerTimeoutSeconds: z.number().int().min(5).max(600).default(90),
});
export type AiSettings = z.infer<typeof AiSettingsSchema>;

export const DEFAULT_AI_SETTINGS: AiSettings = AiSettingsSchema.parse({});

/** Between two pieces of a streamed answer. */
export const IDLE_TIMEOUT_MS = 30_000;

/** Settings as extension pages see them: whether there is a key, not the key. */
export function aiSettingsView({ key, ...settings }: AiSettings) {
  return { ...settings, hasKey: Boolean(key) };
}

/** Refuses, in words, a use of AI the settings do not allow on this Kitsu host. */
export function assertAiAllowed(settings: AiSettings, host: string): void {
  if (settings.provider === 'off') {
    throw new AiError('off', t('errorAiOff'));
  }
  if (!settings.enabledHosts.includes(host)) {
    throw new AiError('host-blocked', t('errorAiOffForHost', { host }));
  }
}
