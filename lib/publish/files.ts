// The files a person drops on the publish page, kept in the extension's own
// IndexedDB (a database of their own) until the background uploads them.
// Extension pages and the background share this storage; Kitsu pages cannot
// reach it, so a file never passes through the Kitsu page's world.
import { createStore, del, delMany, entries, get, set, type UseStore } from 'idb-keyval';
import type { PublishFileSource } from './step';

export interface StoredFile {
  id: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  /** ms since epoch: files of abandoned publishes are removed after a day. */
  storedAt: number;
}

export const STORED_FILE_LIFETIME_MS = 24 * 60 * 60_000;

export function createPublishFiles(store: UseStore = createStore('sidekick-publish-files', 'files')) {
  return {
    async put(
      file: File | Blob,
      name: string,
      now = Date.now(),
      id: string = crypto.randomUUID(),
    ): Promise<StoredFile> {
      const stored: StoredFile = { id, name, type: file.type, size: file.size, blob: file, storedAt: now };
      await set(id, stored, store);
      return stored;
    },
    async read(id: string): Promise<Blob | undefined> {
      return ((await get(id, store)) as StoredFile | undefined)?.blob;
    },
    async remove(id: string): Promise<void> {
      await del(id, store);
    },
    /** Removes files stored before `now - lifetime`; returns how many. */
    async prune(now = Date.now(), lifetime = STORED_FILE_LIFETIME_MS): Promise<number> {
      const old = (await entries<string, StoredFile>(store))
        .filter(([, file]) => now - file.storedAt > lifetime)
        .map(([id]) => id);
      await delMany(old, store);
      return old.length;
    },
  } satisfies PublishFileSource & Record<string, unknown>;
}

export type PublishFiles = ReturnType<typeof createPublishFiles>;
