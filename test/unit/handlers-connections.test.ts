import { describe, expect, it, vi } from 'vitest';
import { createConnectionHandlers } from '../../lib/connections/handlers';
import { ConnectionRefusal, type ConnectionService } from '../../lib/connections/service';
import { answered, from, KITSU, refused, routeTo } from './handler-harness';

const view = { id: 'c1', label: 'Studio', origin: KITSU, createdAt: '2026-11-29T10:00:00.000Z', hostGranted: true };

function setup(overrides: Partial<ConnectionService> = {}) {
  const service = {
    list: vi.fn(async () => [view]),
    test: vi.fn(async () => ({ ok: false as const, problem: 'unreachable-or-refused', message: 'No answer.' })),
    save: vi.fn(async () => view),
    remove: vi.fn(async () => true),
    ...overrides,
  };
  const workflow = { view: vi.fn(), save: vi.fn() };
  return { service, route: routeTo(createConnectionHandlers(service, workflow)) };
}

describe('connection handlers', () => {
  it('list, save and remove answer the options page with the service’s views', async () => {
    const { route, service } = setup();
    expect(await route({ type: 'connections/list' }, from.optionsPage)).toEqual(answered({ connections: [view] }));
    const save = { type: 'connections/save', label: 'Studio', origin: KITSU } as const;
    expect(await route(save, from.optionsPage)).toEqual(answered(view));
    expect(service.save).toHaveBeenCalledWith(save);
    expect(await route({ type: 'connections/remove', id: 'c1' }, from.optionsPage)).toEqual(
      answered({ removed: true }),
    );
  });

  it('passes the service’s refusals on in its words, and hides other failures', async () => {
    const { route } = setup({
      save: async () => Promise.reject(new ConnectionRefusal('Paste the bot token: Sidekick needs it to read Kitsu.')),
      remove: async () => Promise.reject(new Error('IndexedDB is gone at /profile/path')),
    });
    expect(await route({ type: 'connections/save', label: 'Studio', origin: KITSU }, from.optionsPage)).toEqual(
      refused('Paste the bot token: Sidekick needs it to read Kitsu.'),
    );
    expect(await route({ type: 'connections/remove', id: 'c1' }, from.optionsPage)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Sidekick could not answer this request.' },
    });
  });

  it('tests a token with the one given, or the stored one (none given)', async () => {
    const { route, service } = setup();
    await route({ type: 'connections/test', origin: KITSU }, from.optionsPage);
    expect(service.test).toHaveBeenCalledWith(KITSU, undefined);
  });
});
