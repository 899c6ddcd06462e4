import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { AI_DATA_COLLECTION } from '../../lib/ai/data-collection';
import type { AiSettingsForm } from '../../lib/ai/draft';
import { type AiPermissions, aiPermissionsFor, type BrowserFacts, endpointPattern } from '../../lib/ai/permissions';
import { saveAiSettings } from '../../lib/ai/save-settings';
import { createAiStore } from '../../lib/ai/store';

const chrome: BrowserFacts = { portsInPatterns: true, dataCollectionConsent: false };
const firefox: BrowserFacts = { portsInPatterns: false, dataCollectionConsent: true };

describe('the permission an AI endpoint needs', () => {
  it('in Chrome is the endpoint’s exact origin, its port named (the default one too)', () => {
    expect(endpointPattern('http://127.0.0.1:11434', chrome)).toBe('http://127.0.0.1:11434/*');
    expect(endpointPattern('https://llm.studio.example', chrome)).toBe('https://llm.studio.example:443/*');
    expect(endpointPattern('http://llm.studio.example', chrome)).toBe('http://llm.studio.example:80/*');
    expect(endpointPattern('http://[::1]:8080', chrome)).toBe('http://[::1]:8080/*');
  });

  it('in Firefox is the host, every port (its match patterns take no port), and consent to the data sent', () => {
    expect(endpointPattern('http://127.0.0.1:11434', firefox)).toBe('http://127.0.0.1/*');
    expect(aiPermissionsFor({ provider: 'openai-compatible', endpoint: 'llm.studio.example' }, firefox)).toEqual({
      origins: ['https://llm.studio.example/*'],
      data_collection: ['websiteContent', 'personalCommunications', 'personallyIdentifyingInfo'],
    });
  });

  it('is nothing when AI is off or on the browser’s built-in model (nothing leaves)', () => {
    expect(aiPermissionsFor({ provider: 'off', endpoint: 'http://x' }, chrome)).toBeNull();
    expect(aiPermissionsFor({ provider: 'built-in', endpoint: '' }, firefox)).toBeNull();
  });
});

/** The browser's permissions as a set: `contains` needs all of it, `remove` takes exactly what it is given. */
function fakePermissions(granted: AiPermissions) {
  const state = { origins: new Set(granted.origins), data: new Set(granted.data_collection ?? []) };
  const removed: AiPermissions[] = [];
  return {
    state,
    removed,
    port: {
      contains: async (asked: AiPermissions) =>
        asked.origins.every((origin) => state.origins.has(origin)) &&
        (asked.data_collection ?? []).every((category) => state.data.has(category)),
      remove: async (asked: AiPermissions) => {
        removed.push(asked);
        for (const origin of asked.origins) state.origins.delete(origin);
        for (const category of asked.data_collection ?? []) state.data.delete(category);
        return true;
      },
    },
  };
}

const form = (endpoint: string, provider: AiSettingsForm['provider'] = 'openai-compatible'): AiSettingsForm => ({
  provider,
  endpoint,
  model: 'llama3.2',
  enabledHosts: [],
  exclude: ['names', 'emails'],
  answerTimeoutSeconds: 60,
});

let stores = 0;
/** saveAiSettings' ports: a fresh store, the browser with `granted` permissions, Kitsu at `kitsuOrigins`. */
function saving(granted: AiPermissions, facts: BrowserFacts, kitsuOrigins: string[] = []) {
  const store = createAiStore(createStore(`ai-permissions-${++stores}`, 'settings'));
  const browser = fakePermissions(granted);
  const ports = { store, permissions: browser.port, kitsuOrigins: async () => kitsuOrigins, facts };
  return { store, browser, ports };
}

describe('saving the AI settings', () => {
  it('refuses, unsaved, a server the browser did not allow, and names what to do', async () => {
    const { store, ports } = saving({ origins: ['http://127.0.0.1:11435/*'] }, chrome);
    await expect(saveAiSettings(form('127.0.0.1:11434'), ports)).rejects.toThrow(
      'Sidekick may not reach http://127.0.0.1:11434: click Save again and allow it',
    );
    expect((await store.read()).provider).toBe('off');
  });

  it('gives back exactly the previous server’s origin when the server changes, and everything when AI is off', async () => {
    const { browser, ports } = saving(
      { origins: ['http://127.0.0.1:11434/*', 'https://llm.studio.example:443/*'] },
      chrome,
      ['http://127.0.0.1:8080'],
    );
    await saveAiSettings(form('127.0.0.1:11434'), ports);
    expect(browser.removed).toEqual([]);
    await saveAiSettings(form('llm.studio.example'), ports);
    expect(browser.removed).toEqual([{ origins: ['http://127.0.0.1:11434/*'] }]);
    await saveAiSettings(form('', 'off'), ports);
    expect(browser.removed.at(-1)).toEqual({ origins: ['https://llm.studio.example:443/*'] });
    expect([...browser.state.origins]).toEqual([]);
  });

  it('in Firefox keeps a host a Kitsu shares, and gives back the data consent once AI is off', async () => {
    const { browser, ports } = saving(
      { origins: ['http://127.0.0.1/*'], data_collection: [...AI_DATA_COLLECTION] },
      firefox,
      ['http://127.0.0.1:8080'],
    );
    await saveAiSettings(form('127.0.0.1:11434'), ports);
    await saveAiSettings(form('', 'off'), ports);
    expect(browser.removed).toEqual([{ origins: [], data_collection: [...AI_DATA_COLLECTION] }]);
    expect([...browser.state.origins]).toEqual(['http://127.0.0.1/*']);
  });

  it('in Firefox refuses a server whose host is allowed but whose data the person did not consent to', async () => {
    const { ports } = saving({ origins: ['https://llm.studio.example/*'] }, firefox);
    await expect(saveAiSettings(form('llm.studio.example'), ports)).rejects.toThrow(
      'may not send data to https://llm.studio.example',
    );
  });
});
