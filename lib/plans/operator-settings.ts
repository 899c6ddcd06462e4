import { browser } from 'wxt/browser';
import { checkMarkerTemplate, DEFAULT_MARKER_TEMPLATE } from './marker';

/** Who confirms plans (named in every Sidekick comment) and the marker's wording. Not secret. */
export type OperatorSettings = { operatorName: string; markerTemplate: string };

const KEY = 'sidekick-operator';

export async function readOperatorSettings(): Promise<OperatorSettings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<OperatorSettings> | undefined;
  return {
    operatorName: stored?.operatorName ?? '',
    markerTemplate: stored?.markerTemplate || DEFAULT_MARKER_TEMPLATE,
  };
}

/** The marker can be reworded but never removed: a template without Sidekick's name is refused. */
export async function saveOperatorSettings(settings: OperatorSettings): Promise<OperatorSettings> {
  const markerTemplate = settings.markerTemplate.trim() || DEFAULT_MARKER_TEMPLATE;
  const check = checkMarkerTemplate(markerTemplate);
  if (!check.ok) throw new Error(check.error);
  const saved = { operatorName: settings.operatorName.trim(), markerTemplate };
  await browser.storage.local.set({ [KEY]: saved });
  return saved;
}
