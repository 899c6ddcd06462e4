import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_MARKER_TEMPLATE } from '../../lib/plans/marker';
import { createOperatorSettings } from '../../lib/plans/operator-settings';

let count = 0;
const fresh = () => createOperatorSettings(createStore(`operator-settings-${++count}`, 'settings'));

describe('operator settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are kept in the extension’s IndexedDB, not in storage.local that content scripts can write', async () => {
    const settings = fresh();
    await settings.save({ operatorName: ' Mina ', markerTemplate: '' });
    expect(await settings.read()).toEqual({ operatorName: 'Mina', markerTemplate: DEFAULT_MARKER_TEMPLATE });
    expect(await browser.storage.local.get(null)).toEqual({});
    // A write to storage.local (as a content script could make) changes nothing any more.
    await browser.storage.local.set({ 'sidekick-operator': { operatorName: 'Mallory' } });
    expect((await settings.read()).operatorName).toBe('Mina');
  });

  it('moves the settings of earlier versions out of storage.local once', async () => {
    await browser.storage.local.set({
      'sidekick-operator': { operatorName: 'Ada', markerTemplate: '— by Sidekick for {operator}' },
    });
    const settings = fresh();
    expect(await settings.read()).toEqual({ operatorName: 'Ada', markerTemplate: '— by Sidekick for {operator}' });
    expect(await browser.storage.local.get('sidekick-operator')).toEqual({});
  });

  it('never lets a damaged or markerless template remove the marker', async () => {
    const settings = fresh();
    await expect(settings.save({ operatorName: 'Mina', markerTemplate: 'posted by {operator}' })).rejects.toThrow(
      'must name "Sidekick"',
    );
    await browser.storage.local.set({ 'sidekick-operator': { operatorName: 3 } });
    expect(await fresh().read()).toEqual({ operatorName: '', markerTemplate: DEFAULT_MARKER_TEMPLATE });
  });
});
