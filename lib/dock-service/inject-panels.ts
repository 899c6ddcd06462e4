// Injects the lazy panels' script (lib/dock/lazy-panels.ts) for the content script that asked, into
// the document it runs in. A tab's top frame outlives its document: between the question and the
// injection the tab may have moved on to another page, and a `frameIds: [0]` target would then put
// Sidekick's panels into whatever the tab shows now.

import { browser } from 'wxt/browser';
import { LAZY_PANELS_SCRIPT } from '../dock/lazy-panels';
import { t } from '../i18n/pure';
import { originOf, type SenderKind } from '../messaging/sender';

type ContentScriptSender = Extract<SenderKind, { kind: 'content-script' }>;

/** The tab is no longer where the question came from: the person reloads it. */
export class PanelsRefusal extends Error {
  override name = 'PanelsRefusal';
}

export type PanelsTarget = { tabId: number; documentIds: [string] } | { tabId: number; frameIds: [0] };

/**
 * The sender's own document when the browser names it (`documentId`: Chrome 106+, Firefox 153 ESR;
 * the browser refuses the injection once that document is gone). A browser that does not name it gets
 * the tab's top frame only while the tab still shows the sender's origin (`tabOrigin`, read just
 * before): the page Sidekick was asked from, or at worst another page of that same Kitsu, where the
 * panels' script is inert until Sidekick's own content script mounts it.
 */
export function panelsTarget(sender: ContentScriptSender, tabOrigin: string | null): PanelsTarget {
  if (sender.documentId) return { tabId: sender.tabId, documentIds: [sender.documentId] };
  if (tabOrigin !== sender.origin) throw new PanelsRefusal(t('refusalTabLeftKitsu'));
  return { tabId: sender.tabId, frameIds: [0] };
}

export async function injectLazyPanels(sender: ContentScriptSender): Promise<void> {
  const tabOrigin = sender.documentId ? null : originOf((await browser.tabs.get(sender.tabId)).url);
  // In the isolated world by default, never the page's.
  await browser.scripting.executeScript({ target: panelsTarget(sender, tabOrigin), files: [LAZY_PANELS_SCRIPT] });
}
