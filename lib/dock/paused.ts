import { browser } from 'wxt/browser';

/**
 * "Pause Sidekick" from the popup. Kept in storage.local on purpose: it is no secret, and content
 * scripts must see it (and its changes) to hide the dock at once.
 */
export const PAUSED_KEY = 'sidekick-paused';

export async function readPaused(): Promise<boolean> {
  const stored = await browser.storage.local.get(PAUSED_KEY);
  return stored[PAUSED_KEY] === true;
}

export async function writePaused(paused: boolean): Promise<void> {
  await browser.storage.local.set({ [PAUSED_KEY]: paused });
}

export function onPausedChange(listener: (paused: boolean) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && PAUSED_KEY in changes) listener(changes[PAUSED_KEY]?.newValue === true);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
