import { createStore, get, set, type UseStore } from 'idb-keyval';
import { type AiSettings, AiSettingsSchema, DEFAULT_AI_SETTINGS } from './settings';

const KEY = 'settings';

/**
 * AI settings with the endpoint's key, in the extension's own IndexedDB like Kitsu tokens (see
 * lib/connections/vault.ts): content scripts cannot open it, `storage.local` would be readable by them.
 */
export function createAiStore(store: UseStore = createStore('sidekick-ai', 'settings')) {
  return {
    async read(): Promise<AiSettings> {
      const parsed = AiSettingsSchema.safeParse(await get(KEY, store));
      return parsed.success ? parsed.data : DEFAULT_AI_SETTINGS;
    },
    async write(settings: AiSettings): Promise<AiSettings> {
      const valid = AiSettingsSchema.parse(settings);
      await set(KEY, valid, store);
      return valid;
    },
  };
}
export type AiStore = ReturnType<typeof createAiStore>;
