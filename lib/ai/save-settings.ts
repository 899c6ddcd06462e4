// Saving the AI settings form: the settings it makes are stored only once the browser allows what
// they need (asked by the options page from the Save click), and what is no longer needed is given back.
import { t } from '../i18n/pure';
import { type AiSettingsForm, settingsFromForm } from './draft';
import {
  type AiPermissions,
  aiPermissionsFor,
  assertAiPermitted,
  type BrowserFacts,
  type PermissionsPort,
  releaseUnusedAiPermissions,
} from './permissions';
import type { AiSettings } from './settings';
import type { AiStore } from './store';

export type SaveAiSettingsPorts = {
  store: AiStore;
  permissions: PermissionsPort;
  /** The configured Kitsu origins: their host permissions are never given back here. */
  kitsuOrigins: () => Promise<string[]>;
  facts: BrowserFacts;
};

export async function saveAiSettings(form: AiSettingsForm, ports: SaveAiSettingsPorts): Promise<AiSettings> {
  const current = await ports.store.read();
  const next = settingsFromForm(current, form);
  await assertAiPermitted(next, ports.permissions, ports.facts, t('errorAiAdviceClickSave'));
  const saved = await ports.store.write(next);
  const needed: AiPermissions | null = aiPermissionsFor(saved, ports.facts);
  await releaseUnusedAiPermissions(
    aiPermissionsFor(current, ports.facts),
    needed,
    await ports.kitsuOrigins(),
    ports.permissions,
  );
  return saved;
}
