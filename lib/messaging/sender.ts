/**
 * Who sent a message, decided from the fields the browser stamps on `runtime.MessageSender`,
 * never from anything inside the message itself.
 */
export type SenderFacts = {
  /** sender.id: the extension the message came from. */
  id?: string;
  /** sender.url: the frame that sent it. */
  url?: string;
  /** sender.tab.id: present only for content scripts (and extension pages shown in a tab). */
  tabId?: number;
  /** sender.frameId: 0 for a tab's top frame. */
  frameId?: number;
  /**
   * sender.documentId: the document that sent it (Chrome 106+, Firefox). A tab and frame outlive their
   * document: whatever is done for the sender in its tab targets this document, not what the tab shows now.
   */
  documentId?: string;
};

/** The extension page where plans are confirmed: page scripts of Kitsu can neither reach nor frame it. */
export const CONFIRM_PAGE_PATH = '/confirm.html';

export type SenderKind =
  | { kind: 'extension-page' }
  | { kind: 'confirm-page' }
  | { kind: 'content-script'; origin: string; tabId: number; documentId?: string }
  | { kind: 'foreign'; reason: string };

export function classifySender(sender: SenderFacts, ownId: string, ownOrigin: string): SenderKind {
  if (sender.id !== ownId) return { kind: 'foreign', reason: 'message from another extension' };
  const origin = originOf(sender.url);
  if (origin === null) return { kind: 'foreign', reason: 'sender has no URL' };
  if (origin === ownOrigin) {
    // An extension page framed inside a web page is not a place where a person configures Sidekick.
    if (sender.frameId !== undefined && sender.frameId !== 0) {
      return { kind: 'foreign', reason: 'extension page inside a frame' };
    }
    return new URL(sender.url ?? '').pathname === CONFIRM_PAGE_PATH
      ? { kind: 'confirm-page' }
      : { kind: 'extension-page' };
  }
  if (sender.tabId === undefined) return { kind: 'foreign', reason: 'page without a tab' };
  if (sender.frameId !== 0) return { kind: 'foreign', reason: 'content script in a sub-frame' };
  return {
    kind: 'content-script',
    origin,
    tabId: sender.tabId,
    ...(sender.documentId ? { documentId: sender.documentId } : {}),
  };
}

export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
  } catch {
    return null;
  }
}
