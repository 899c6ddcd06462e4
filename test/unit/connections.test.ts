import { createStore } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { contentScriptPatterns } from '../../lib/connections/content-script-registration';
import { privilegeAdvice } from '../../lib/connections/privilege';
import { type ConnectionPorts, createConnectionService, type TokenIdentity } from '../../lib/connections/service';
import { createVault } from '../../lib/connections/vault';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.bot-token-for-tests.signature';
const KITSU = 'https://kitsu.studio.example';

let storeCounter = 0;
function setup(overrides: Partial<ConnectionPorts> = {}) {
  const vault = createVault(createStore(`vault-test-${storeCounter++}`, 'connections'));
  const identity: TokenIdentity = {
    kitsuVersion: '1.0.97',
    name: 'Sidekick bot',
    role: 'manager',
    isBot: true,
    departmentCount: 0,
    expirationDate: '2027-01-31',
    productions: [{ id: 'p1', name: 'Fox Tales' }],
  };
  const ports = {
    vault,
    probeIdentity: vi.fn(async () => identity),
    describeError: (error: unknown) => `described: ${(error as Error).message}`,
    isHostGranted: vi.fn(async () => true),
    revokeHost: vi.fn(async () => {}),
    onConnectionsChanged: vi.fn(async () => {}),
    forgetHostData: vi.fn(async () => {}),
    enabledNeeds: () => ['read', 'write'] as const,
    newId: (() => {
      let n = 0;
      return () => `c${++n}`;
    })(),
    now: () => new Date('2026-11-29T10:00:00Z'),
    ...overrides,
  } satisfies ConnectionPorts;
  return { service: createConnectionService(ports), ports, vault };
}

describe('connection service', () => {
  it('saves a connection and lists it without its token', async () => {
    const { service, ports, vault } = setup();
    const saved = await service.save({ label: 'Studio', origin: KITSU, token: TOKEN });
    expect(saved).toEqual({
      id: 'c1',
      label: 'Studio',
      origin: KITSU,
      createdAt: '2026-11-29T10:00:00.000Z',
      hostGranted: true,
    });
    expect(JSON.stringify(await service.list())).not.toContain(TOKEN);
    expect((await vault.get('c1'))?.token).toBe(TOKEN);
    expect(ports.onConnectionsChanged).toHaveBeenCalledTimes(1);
  });

  it('keeps the stored token when a connection is saved again without one', async () => {
    const { service, vault } = setup();
    await service.save({ label: 'Studio', origin: KITSU, token: TOKEN });
    await service.save({ id: 'c1', label: 'Renamed', origin: KITSU });
    expect(await vault.get('c1')).toMatchObject({ label: 'Renamed', token: TOKEN });
  });

  it('asks for the token again when a connection moves to another address, and keeps the old one meanwhile', async () => {
    const { service, vault, ports } = setup();
    await service.save({ label: 'Studio', origin: KITSU, token: TOKEN });
    const elsewhere = 'https://kitsu.elsewhere.example';
    await expect(service.save({ id: 'c1', label: 'Studio', origin: elsewhere })).rejects.toThrow(
      `Paste the bot token for ${elsewhere}: the stored one belongs to ${KITSU} and is never sent to another address.`,
    );
    expect(await vault.get('c1')).toMatchObject({ origin: KITSU, token: TOKEN });
    expect(ports.revokeHost).not.toHaveBeenCalled();
    await service.save({ id: 'c1', label: 'Studio', origin: elsewhere, token: 'another-token' });
    expect(await vault.get('c1')).toMatchObject({ origin: elsewhere, token: 'another-token' });
    expect(ports.revokeHost).toHaveBeenCalledWith(KITSU);
  });

  it('refuses a connection without any token, and a second one for the same origin', async () => {
    const { service } = setup();
    await expect(service.save({ label: 'Studio', origin: KITSU })).rejects.toThrow('Paste the bot token');
    await service.save({ label: 'Studio', origin: KITSU, token: TOKEN });
    await expect(service.save({ id: 'other', label: 'Again', origin: KITSU, token: TOKEN })).rejects.toThrow(
      'already has a connection',
    );
  });

  it('removing forgets the token, the host cache and the permission', async () => {
    const { service, ports, vault } = setup();
    await service.save({ label: 'Studio', origin: KITSU, token: TOKEN });
    expect(await service.remove('c1')).toBe(true);
    expect(await vault.all()).toEqual([]);
    expect(ports.forgetHostData).toHaveBeenCalledWith(KITSU);
    expect(ports.revokeHost).toHaveBeenCalledWith(KITSU);
    expect(await service.remove('c1')).toBe(false);
  });

  it('keeps the host permission while another connection uses the same host on another port', async () => {
    const { service, ports } = setup();
    await service.save({ label: 'A', origin: 'http://127.0.0.1:8080', token: TOKEN });
    await service.save({ label: 'B', origin: 'http://127.0.0.1:9090', token: TOKEN });
    await service.remove('c1');
    expect(ports.revokeHost).not.toHaveBeenCalled();
    await service.remove('c2');
    expect(ports.revokeHost).toHaveBeenCalledWith('http://127.0.0.1:9090');
  });

  it('tests a token and reports who it is with privilege advice', async () => {
    const { service, ports } = setup();
    const answer = await service.test(KITSU, TOKEN);
    expect(ports.probeIdentity).toHaveBeenCalledWith(KITSU, TOKEN);
    expect(answer).toEqual({
      ok: true,
      kitsuVersion: '1.0.97',
      identity: { name: 'Sidekick bot', role: 'manager', isBot: true, expirationDate: '2027-01-31' },
      productions: [{ id: 'p1', name: 'Fox Tales' }],
      advice: {
        verdict: 'too-high',
        message:
          'This token is a Production Manager: it can also create and delete tasks and edit the production. A Supervisor bot with no department, added to the productions you use, is enough.',
      },
    });
  });

  it('tests with the stored token when none is typed, and turns failures into sentences', async () => {
    const { service, ports } = setup({
      probeIdentity: vi.fn(async () => Promise.reject(new Error('expired'))),
    });
    await expect(service.test(KITSU, undefined)).rejects.toThrow('Paste the bot token');
    await service.save({ label: 'Studio', origin: KITSU, token: TOKEN });
    expect(await service.test(KITSU, undefined)).toEqual({
      ok: false,
      problem: 'unreachable-or-refused',
      message: 'described: expired',
    });
    expect(ports.probeIdentity).toHaveBeenCalledWith(KITSU, TOKEN);
  });
});

describe('privilege advice', () => {
  it.each([
    ['admin', 0, ['read', 'write'], 'too-high'],
    ['admin', 0, ['read'], 'too-high'],
    ['manager', 0, ['read', 'write'], 'too-high'],
    ['manager', 0, ['read'], 'too-high'],
    ['supervisor', 0, ['read', 'write'], 'fits'],
    ['supervisor', 2, ['read', 'write'], 'too-low'],
    ['supervisor', 0, ['read'], 'too-high'],
    ['user', 0, ['read', 'write'], 'too-low'],
    ['user', 1, ['read'], 'fits'],
    ['client', 0, ['read'], 'too-low'],
    ['vendor', 0, ['read', 'write'], 'too-low'],
  ] as const)('%s with %i departments for %j → %s', (role, departmentCount, needs, verdict) => {
    expect(privilegeAdvice({ role, departmentCount }, needs).verdict).toBe(verdict);
  });

  it('says which departments limit a supervisor', () => {
    expect(privilegeAdvice({ role: 'supervisor', departmentCount: 2 }, ['write']).message).toContain(
      'Supervisor of 2 departments: Kitsu will refuse writes on tasks of other departments',
    );
  });
});

describe('content script patterns', () => {
  it('cover only hosts both configured and granted', () => {
    expect(
      contentScriptPatterns(
        ['http://127.0.0.1:8080', 'https://kitsu.a.example', 'https://kitsu.b.example'],
        ['http://127.0.0.1/*', 'https://kitsu.b.example/*', 'https://other.example/*'],
      ),
    ).toEqual(['http://127.0.0.1/*', 'https://kitsu.b.example/*']);
  });
});
