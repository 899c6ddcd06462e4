// Per-host workflow settings (status roles, the studio's time zone) in browser.storage.local: not
// secret, and what they change is only what Sidekick proposes; every plan is still confirmed. A stored
// value that no longer parses reads as the defaults rather than stopping the rules.
import { browser } from 'wxt/browser';
import {
  DEFAULT_HOST_WORKFLOW,
  type HostWorkflowSettings,
  HostWorkflowSettingsSchema,
  type WorkflowSettings,
  WorkflowSettingsSchema,
} from '../workflow/host-settings';

export const WORKFLOW_SETTINGS_KEY = 'sidekick-workflow-settings';

async function readAll(): Promise<WorkflowSettings> {
  const stored = (await browser.storage.local.get(WORKFLOW_SETTINGS_KEY))[WORKFLOW_SETTINGS_KEY];
  const parsed = WorkflowSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  console.warn('[sidekick] stored workflow settings refused, using the defaults:', parsed.error.message);
  return {};
}

/** The settings of one host origin; the defaults when it has none. */
export async function readHostWorkflow(origin: string): Promise<HostWorkflowSettings> {
  return (await readAll())[origin] ?? DEFAULT_HOST_WORKFLOW;
}

/** Parses and stores one host's settings (a refusal throws zod's error); returns what was stored. */
export async function saveHostWorkflow(origin: string, input: unknown): Promise<HostWorkflowSettings> {
  const settings = HostWorkflowSettingsSchema.parse(input);
  await browser.storage.local.set({ [WORKFLOW_SETTINGS_KEY]: { ...(await readAll()), [origin]: settings } });
  return settings;
}
