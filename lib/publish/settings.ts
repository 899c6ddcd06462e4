// Batch publish's settings, set in the options page: the most one publish plan may upload in total.
// Stored in browser.storage.local (not secret); every read and write goes through the schema.
import { browser } from 'wxt/browser';
import { z } from 'zod';

export const PUBLISH_SETTINGS_KEY = 'sidekick-publish';

/** Decimal gigabytes, as the publish page and the confirm window show sizes. */
export const BYTES_PER_GB = 1000 ** 3;

export const PublishSettingsSchema = z.object({
  /** A slip of the mouse (a whole render folder dropped) must not become hours of uploads to Kitsu. */
  maxPlanGigabytes: z
    .number({ error: 'enter a number of gigabytes' })
    .min(0.1, 'at least 0.1 GB')
    .max(1000, 'at most 1000 GB')
    .default(5),
});
export type PublishSettings = z.infer<typeof PublishSettingsSchema>;

export const DEFAULT_PUBLISH_SETTINGS: PublishSettings = PublishSettingsSchema.parse({});

export class PublishSettingsError extends Error {
  override name = 'PublishSettingsError';
}

/** Parses what a person entered; refuses it with a sentence. */
export function parsePublishSettings(input: unknown): PublishSettings {
  const result = PublishSettingsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new PublishSettingsError(`Largest publish: ${issue?.message ?? 'not a valid size'}.`);
}

/** The stored settings; a stored value that no longer validates reads as the defaults. */
export async function readPublishSettings(): Promise<PublishSettings> {
  const stored = (await browser.storage.local.get(PUBLISH_SETTINGS_KEY))[PUBLISH_SETTINGS_KEY];
  const result = PublishSettingsSchema.safeParse(stored ?? {});
  return result.success ? result.data : DEFAULT_PUBLISH_SETTINGS;
}

export async function savePublishSettings(input: unknown): Promise<PublishSettings> {
  const settings = parsePublishSettings(input);
  await browser.storage.local.set({ [PUBLISH_SETTINGS_KEY]: settings });
  return settings;
}
