import { describe, expect, it } from 'vitest';
import { createCache } from '../../lib/cache';
import { createSession } from '../../lib/connections/session';
import { KitsuApiError, type KitsuClient } from '../../lib/kitsu';

const ORIGIN = 'https://kitsu.session-auth.example';
const revoked = (route: string) => new KitsuApiError({ kind: 'auth-revoked', route, status: 401 });

describe('a session whose token stops working', () => {
  it('stops answering "connected" from its cache once a read is refused for the token', async () => {
    let tokenWorks = true;
    const client = {
      authenticated: async () => {
        if (!tokenWorks) throw revoked('GET /auth/authenticated');
        return { user: { id: 'bot', full_name: 'Sidekick Writer', role: 'supervisor' } };
      },
      shots: async () => {
        if (!tokenWorks) throw revoked('GET /data/projects/:projectId/shots');
        return [];
      },
    } as unknown as KitsuClient;
    const session = createSession({ id: 'c1', label: 'Studio', origin: ORIGIN, token: 'x'.repeat(30) } as never, {
      client,
      cache: createCache({ host: ORIGIN, onError: () => {} }),
    });
    expect((await session.reads.authenticated('swr')).user.full_name).toBe('Sidekick Writer');

    tokenWorks = false;
    // Still cached: nothing has told the session yet.
    expect((await session.reads.authenticated('swr')).user.full_name).toBe('Sidekick Writer');
    await expect(session.reads.shots('swr', 'p1')).rejects.toMatchObject({ kind: 'auth-revoked' });
    await expect(session.reads.authenticated('swr')).rejects.toMatchObject({ kind: 'auth-revoked' });
  });
});
