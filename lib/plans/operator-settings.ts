// Who confirms plans (named in every Sidekick comment) and the marker's wording. They shape what is
// written, so they live in the extension's own IndexedDB, which content scripts cannot reach (they can
// write `storage.local`), and every read is parsed.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { checkMarkerTemplate, DEFAULT_MARKER_TEMPLATE } from './marker';
import { PlanRefusal } from './pending';

export type OperatorSettings = { operatorName: string; markerTemplate: string };

const StoredSchema = z.object({ operatorName: z.string().max(80), markerTemplate: z.string().max(200) }).partial();

const KEY = 'operator';
/** Where earlier versions kept them: moved once into the extension's IndexedDB, then removed. */
const LEGACY_KEY = 'sidekick-operator';

export function createOperatorSettings(store: UseStore = createStore('sidekick-settings', 'settings')) {
  async function stored(): Promise<z.infer<typeof StoredSchema>> {
    const raw = await get(KEY, store);
    if (raw !== undefined) {
      const own = StoredSchema.safeParse(raw);
      return own.success ? own.data : {};
    }
    const legacy = StoredSchema.safeParse((await browser.storage.local.get(LEGACY_KEY))[LEGACY_KEY] ?? {});
    const moved = legacy.success ? legacy.data : {};
    await set(KEY, moved, store);
    await browser.storage.local.remove(LEGACY_KEY);
    return moved;
  }

  return {
    async read(): Promise<OperatorSettings> {
      const settings = await stored();
      const template = settings.markerTemplate ?? '';
      return {
        operatorName: settings.operatorName ?? '',
        // A damaged template never removes the marker: the default one is used instead.
        markerTemplate: template && checkMarkerTemplate(template).ok ? template : DEFAULT_MARKER_TEMPLATE,
      };
    },

    /** The marker can be reworded but never removed: a template without Sidekick's name is refused. */
    async save(settings: OperatorSettings): Promise<OperatorSettings> {
      const markerTemplate = settings.markerTemplate.trim() || DEFAULT_MARKER_TEMPLATE;
      const check = checkMarkerTemplate(markerTemplate);
      if (!check.ok) throw new PlanRefusal(check.error);
      const saved = { operatorName: settings.operatorName.trim(), markerTemplate };
      await set(KEY, StoredSchema.parse(saved), store);
      return saved;
    },
  };
}
export type OperatorSettingsStore = ReturnType<typeof createOperatorSettings>;
