// The files a person drops on the publish page, kept in the extension's own
// IndexedDB (a database of their own) until the background uploads them.
// Extension pages and the background share this storage; Kitsu pages cannot
// reach it, so a file never passes through the Kitsu page's world.
import { createStore, del, delMany, entries, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import type { PublishFileSource } from '../plans/publish-item';
import type { StoredFileReader } from './checks';

const StoredFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.number(),
  /** The bytes, as IndexedDB gives them back: checked against the declared name, size and type before upload. */
  blob: z.custom<Blob>((value) => typeof value === 'object' && value !== null),
  /** ms since epoch: files of abandoned publishes are removed after a day. */
  storedAt: z.number(),
});
export type StoredFile = z.infer<typeof StoredFileSchema>;

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
      return (await this.stored(id))?.blob;
    },
    /** The file as stored: its name and its bytes (whatever a page said of them). */
    async stored(id: string): Promise<StoredFile | undefined> {
      const record = StoredFileSchema.safeParse(await get(id, store));
      return record.success ? record.data : undefined;
    },
    async remove(id: string): Promise<void> {
      await del(id, store);
    },
    /** Removes files stored before `now - lifetime`, and records no file can be read from; returns how many. */
    async prune(now = Date.now(), lifetime = STORED_FILE_LIFETIME_MS): Promise<number> {
      const old = (await entries<string, unknown>(store))
        .filter(([, raw]) => {
          const file = StoredFileSchema.safeParse(raw);
          return !file.success || now - file.data.storedAt > lifetime;
        })
        .map(([id]) => id);
      await delMany(old, store);
      return old.length;
    },
  } satisfies PublishFileSource & StoredFileReader & Record<string, unknown>;
}

export type PublishFiles = ReturnType<typeof createPublishFiles>;
