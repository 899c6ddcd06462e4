import { createCache } from '../../../lib/cache';
import { createSession } from '../../../lib/connections/session';
import { mapEvent } from '../../../lib/events/invalidation';
import type { KitsuClient } from '../../../lib/kitsu';

/**
 * A real session (its reads, its cache) over a client the test writes, and `receive`: what the
 * live-pages service does with a zou event of production `projectId`.
 */
export function sessionWithClient(client: Partial<KitsuClient>, origin: string, projectId: string) {
  const session = createSession({ id: 'c1', label: 'Studio', origin, token: 'x'.repeat(30) } as never, {
    client: client as KitsuClient,
    cache: createCache({ host: `${origin}/${Math.random()}`, onError: () => {} }),
  });
  const receive = async (name: string, payload: Record<string, unknown>) => {
    const effect = mapEvent(name, { ...payload, project_id: projectId });
    if (!effect) throw new Error(`${name} is ignored`);
    await session.cache.invalidateTags(effect.invalidation.tags);
    for (const kind of effect.invalidation.kinds) await session.cache.invalidateKind(kind);
  };
  return { session, receive };
}
