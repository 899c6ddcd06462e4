import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { Connection } from '../messaging/protocol/connections';
import { type StoredConnection, storedConnectionSchema } from './model';

/**
 * Connections with their tokens, in the extension's own IndexedDB. Content scripts run in the
 * page's origin and cannot open this database; `storage.local` would be readable by them.
 */
export function createVault(store: UseStore = createStore('sidekick-vault', 'connections')) {
  async function all(): Promise<StoredConnection[]> {
    const rows = await entries<string, unknown>(store);
    return rows
      .map(([, value]) => storedConnectionSchema.safeParse(value))
      .filter((parsed) => parsed.success)
      .map((parsed) => parsed.data)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  return {
    all,
    async get(id: string): Promise<StoredConnection | undefined> {
      const parsed = storedConnectionSchema.safeParse(await get(id, store));
      return parsed.success ? parsed.data : undefined;
    },
    async byOrigin(origin: string): Promise<StoredConnection | undefined> {
      return (await all()).find((connection) => connection.origin === origin);
    },
    async put(connection: StoredConnection): Promise<void> {
      await set(connection.id, storedConnectionSchema.parse(connection), store);
    },
    async remove(id: string): Promise<void> {
      await del(id, store);
    },
  };
}
export type Vault = ReturnType<typeof createVault>;

/** The view of a connection that may leave the background: everything but the token. */
export function withoutToken({ token: _token, ...connection }: StoredConnection): Connection {
  return connection;
}
