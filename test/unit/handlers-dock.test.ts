import { describe, expect, it, vi } from 'vitest';
import { createDockHandlers, type DockHandlerPorts } from '../../lib/dock-service/handlers';
import { PanelsRefusal } from '../../lib/dock-service/inject-panels';
import { answered, from, guardsFor, KITSU, PRODUCTION, refused, routeTo, sessionWith } from './handler-harness';

const SHOTS = `${KITSU}/productions/${PRODUCTION}/shots`;
const tab = { ...from.kitsuTab, url: SHOTS };
const popup = { id: from.optionsPage.id, url: from.optionsPage.url.replace('options', 'popup') };

function setup(overrides: Partial<DockHandlerPorts> = {}) {
  let paused = false;
  const reads = {
    authenticated: async () => ({ user: { full_name: 'Sidekick Bot', role: 'supervisor' } }),
    project: async () => ({ name: 'Fox Tales' }),
    version: async () => ({ version: '1.0.97' }),
  };
  const cache = {
    stats: async () => ({ hits: 3, staleServed: 1, misses: 2, requests: 2, entries: 5, approxBytes: 12_400_000 }),
  };
  const session = sessionWith({ reads, cache });
  const ports: DockHandlerPorts = {
    guards: guardsFor(session),
    sessionFor: async (origin) => (origin === KITSU ? session : null),
    liveStatus: () => null,
    paused: {
      read: async () => paused,
      write: async (value) => {
        paused = value;
      },
    },
    injectPanels: vi.fn(async () => {}),
    extensionVersion: () => '0.1.0',
    ...overrides,
  };
  return { ports, route: routeTo(createDockHandlers(ports)) };
}

describe('dock handlers', () => {
  it('tell the dock what the page shows and who Sidekick is connected as', async () => {
    const { route } = setup();
    expect(await route({ type: 'page/overview', url: SHOTS }, tab)).toEqual({
      ok: true,
      data: {
        where: 'Shots',
        connection: { label: 'Studio', state: 'connected', message: 'Connected to Studio as Sidekick Bot.' },
        names: { production: 'Fox Tales' },
      },
    });
  });

  it('pause Sidekick from the popup, which then shows it paused with the tab’s connection', async () => {
    const { route } = setup();
    expect(await route({ type: 'settings/set-paused', paused: true }, popup)).toEqual(answered({ paused: true }));
    expect(await route({ type: 'popup/state', origin: KITSU }, popup)).toMatchObject({
      ok: true,
      data: {
        extensionVersion: '0.1.0',
        paused: true,
        connection: {
          origin: KITSU,
          role: 'supervisor',
          kitsuVersion: '1.0.97',
          live: null,
          cache: { entries: 5, requests: 2, storedBytes: 12_400_000 },
        },
      },
    });
    expect(await route({ type: 'popup/state', origin: null }, popup)).toMatchObject({
      ok: true,
      data: { connection: null },
    });
  });

  it('load the lazy panels into the asking page, or say why not', async () => {
    const { route, ports } = setup();
    expect(await route({ type: 'dock/load-panels' }, { ...tab, documentId: 'DOC-1' })).toEqual(
      answered({ loaded: true }),
    );
    expect(ports.injectPanels).toHaveBeenCalledWith({
      kind: 'content-script',
      origin: KITSU,
      tabId: 7,
      documentId: 'DOC-1',
    });
    const moved = setup({
      injectPanels: async () =>
        Promise.reject(new PanelsRefusal('This tab has left the Kitsu page that asked: reload it.')),
    });
    expect(await moved.route({ type: 'dock/load-panels' }, tab)).toEqual(
      refused('This tab has left the Kitsu page that asked: reload it.'),
    );
  });
});
