import { vi } from 'vitest';
import type { Session } from '../../../lib/connections/session';

/**
 * A session whose cache only records what live pages ask of it (invalidations, outdated kinds);
 * `onInvalidateKind` sees each invalidated kind, for tests that check the order of effects.
 */
export function sessionWithRecordingCache(onInvalidateKind: (kind: string) => void = () => {}) {
  const cache = {
    invalidateTags: vi.fn(async (_tags: readonly string[]) => {}),
    invalidateKind: vi.fn(async (kind: string) => onInvalidateKind(kind)),
    outdateKind: vi.fn(async (_kind: string) => {}),
  };
  const session = { cache, connection: { token: 'token' } } as unknown as Session;
  return { cache, session };
}
