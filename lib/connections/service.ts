import { t } from '../i18n/pure';
import type { ConnectionTestAnswer, ConnectionView } from '../messaging/protocol';
import type { KitsuRole } from '../shared/roles';
import type { StoredConnection } from './model';
import { matchPatternFor } from './origins';
import { type FeatureNeed, privilegeAdvice } from './privilege';
import type { Vault } from './vault';
import { withoutToken } from './vault';

/** A change to connections that Sidekick refuses, in words for the person. */
export class ConnectionRefusal extends Error {
  override name = 'ConnectionRefusal';
}

export type TokenIdentity = {
  kitsuVersion: string;
  name: string;
  role: KitsuRole;
  isBot: boolean;
  departmentCount: number;
  expirationDate: string | null;
  productions: { id: string; name: string }[];
};

/** The background's side effects the connection service needs; real ones in the background, fakes in tests. */
export type ConnectionPorts = {
  vault: Vault;
  probeIdentity: (origin: string, token: string) => Promise<TokenIdentity>;
  describeError: (error: unknown) => string;
  isHostGranted: (origin: string) => Promise<boolean>;
  revokeHost: (origin: string) => Promise<void>;
  /** Called after any change, so content scripts run on exactly the configured, granted hosts. */
  onConnectionsChanged: () => Promise<void>;
  forgetHostData: (origin: string) => Promise<void>;
  enabledNeeds: () => readonly FeatureNeed[];
  newId: () => string;
  now: () => Date;
};

export function createConnectionService(ports: ConnectionPorts) {
  async function view(connection: StoredConnection): Promise<ConnectionView> {
    return { ...withoutToken(connection), hostGranted: await ports.isHostGranted(connection.origin) };
  }

  return {
    async list(): Promise<ConnectionView[]> {
      return Promise.all((await ports.vault.all()).map(view));
    },

    async test(origin: string, token: string | undefined): Promise<ConnectionTestAnswer> {
      const tokenToTest = token ?? (await ports.vault.byOrigin(origin))?.token;
      if (!tokenToTest) throw new ConnectionRefusal(t('refusalTokenToTest'));
      try {
        const identity = await ports.probeIdentity(origin, tokenToTest);
        return {
          ok: true,
          kitsuVersion: identity.kitsuVersion,
          identity: {
            name: identity.name,
            role: identity.role,
            isBot: identity.isBot,
            expirationDate: identity.expirationDate,
          },
          productions: identity.productions,
          advice: privilegeAdvice(identity, ports.enabledNeeds()),
        };
      } catch (error) {
        return { ok: false, problem: 'unreachable-or-refused', message: ports.describeError(error) };
      }
    },

    async save(input: { id?: string; label: string; origin: string; token?: string }): Promise<ConnectionView> {
      const existing = input.id ? await ports.vault.get(input.id) : await ports.vault.byOrigin(input.origin);
      // A token was issued by one Kitsu: a connection moved to another address never sends it there.
      if (existing && existing.origin !== input.origin && !input.token) {
        throw new ConnectionRefusal(
          t('refusalTokenOfOtherOrigin', { origin: input.origin, storedOrigin: existing.origin }),
        );
      }
      const token = input.token ?? existing?.token;
      if (!token) throw new ConnectionRefusal(t('refusalTokenMissing'));
      const clash = await ports.vault.byOrigin(input.origin);
      if (clash && clash.id !== existing?.id) {
        throw new ConnectionRefusal(t('refusalOriginTaken', { origin: input.origin, label: clash.label }));
      }
      const connection: StoredConnection = {
        id: existing?.id ?? ports.newId(),
        label: input.label,
        origin: input.origin,
        token,
        createdAt: existing?.createdAt ?? ports.now().toISOString(),
      };
      if (existing && existing.origin !== connection.origin) await forget(existing);
      if (existing && existing.token !== token) await ports.forgetHostData(connection.origin);
      await ports.vault.put(connection);
      await ports.onConnectionsChanged();
      return view(connection);
    },

    async remove(id: string): Promise<boolean> {
      const connection = await ports.vault.get(id);
      if (!connection) return false;
      await ports.vault.remove(id);
      await forget(connection);
      await ports.onConnectionsChanged();
      return true;
    },
  };

  async function forget(connection: StoredConnection) {
    await ports.forgetHostData(connection.origin);
    // Permissions are per host, ports included: keep it while another connection still uses that host.
    const pattern = matchPatternFor(connection.origin);
    const others = (await ports.vault.all()).filter(
      (other) => other.id !== connection.id && matchPatternFor(other.origin) === pattern,
    );
    if (others.length === 0) await ports.revokeHost(connection.origin);
  }
}
export type ConnectionService = ReturnType<typeof createConnectionService>;
