import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { LAZY_PANELS_SCRIPT } from '../../lib/dock/lazy-panels';
import { injectLazyPanels, panelsTarget } from '../../lib/dock-service/inject-panels';

const KITSU = 'https://kitsu.studio.example';
const sender = { kind: 'content-script' as const, origin: KITSU, tabId: 7 };

afterEach(() => vi.restoreAllMocks());

describe('the lazy panels’ injection target', () => {
  it('is the document that asked, never whatever the tab shows now', () => {
    expect(panelsTarget({ ...sender, documentId: 'DOC-1' }, null)).toEqual({ tabId: 7, documentIds: ['DOC-1'] });
    // The tab moved on: with the document named, the browser injects into it or refuses (it is gone).
    expect(panelsTarget({ ...sender, documentId: 'DOC-1' }, 'https://elsewhere.example')).toEqual({
      tabId: 7,
      documentIds: ['DOC-1'],
    });
  });

  it('without a document id, is the top frame only while the tab still shows the sender’s Kitsu', () => {
    expect(panelsTarget(sender, KITSU)).toEqual({ tabId: 7, frameIds: [0] });
    expect(() => panelsTarget(sender, 'https://elsewhere.example')).toThrow('This tab has left the Kitsu page');
    expect(() => panelsTarget(sender, null)).toThrow('This tab has left the Kitsu page');
  });

  it('injects the panels’ script into the sender’s document', async () => {
    const executeScript = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([] as never);
    const tabsGet = vi.spyOn(browser.tabs, 'get');
    await injectLazyPanels({ ...sender, documentId: 'DOC-1' });
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, documentIds: ['DOC-1'] },
      files: [LAZY_PANELS_SCRIPT],
    });
    expect(tabsGet).not.toHaveBeenCalled();
  });

  it('reads the tab just before injecting when the browser names no document', async () => {
    const executeScript = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([] as never);
    vi.spyOn(browser.tabs, 'get').mockResolvedValue({ url: 'https://elsewhere.example/login' } as never);
    await expect(injectLazyPanels(sender)).rejects.toThrow('This tab has left the Kitsu page');
    expect(executeScript).not.toHaveBeenCalled();
  });
});
