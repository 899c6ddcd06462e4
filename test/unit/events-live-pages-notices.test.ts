import { describe, expect, it } from 'vitest';
import { gapInvalidation, mapEvent, type TabNotice } from '../../lib/events/invalidation';
import { createLivePages } from '../../lib/events/live-pages';
import type { EventStream, EventStreamOptions } from '../../lib/events/stream';
import { sessionWithRecordingCache } from './support/live-pages-session';

const ORIGIN = 'https://kitsu.studio.example';
const OTHER_ORIGIN = 'https://kitsu.other.example';
const P1 = '3f1c1a52-0c4e-4a7a-9a39-1c8f5c3e2a10';
const P2 = '9b2d7e41-5f6a-4c3b-8d2e-7a1b0c9d8e7f';

/** Live pages with three open pages: on P1 and P2 of ORIGIN, and on P1 of another host. */
async function setup() {
  const order: string[] = [];
  const { session } = sessionWithRecordingCache((kind) => order.push(`invalidate ${kind}`));
  const streams = new Map<string, EventStreamOptions>();
  const live = createLivePages({
    sessionFor: async () => session,
    createStream: (options) => {
      streams.set(options.origin, options);
      return { origin: options.origin, start() {}, stop() {}, subscribe: () => () => {} } as unknown as EventStream;
    },
  });
  const received = new Map<string, TabNotice[]>();
  for (const [name, origin, project] of [
    ['p1', ORIGIN, P1],
    ['p2', ORIGIN, P2],
    ['elsewhere', OTHER_ORIGIN, P1],
  ] as const) {
    const notices: TabNotice[] = [];
    received.set(name, notices);
    const key = {};
    live.open(key, {
      origin,
      post: (notice) => {
        order.push(`notice ${name}`);
        notices.push(notice);
      },
    });
    await live.visit(key, `${origin}/productions/${project}/shots`);
  }
  order.length = 0;
  return { live, order, received, stream: streams.get(ORIGIN) as EventStreamOptions };
}

describe('live pages: who hears of a change', () => {
  it('after a gap in the stream, drops task-level reads, then tells every page of the host to re-read', async () => {
    const { order, received, stream } = await setup();

    await stream.onGap(Date.now() - 5_000);

    const { kinds } = gapInvalidation();
    expect(received.get('p1')).toEqual([{ tags: kinds }]);
    expect(received.get('p2')).toEqual([{ tags: kinds }]);
    expect(received.get('elsewhere')).toEqual([]);
    // Pages re-read only once the stale entries are gone.
    expect(order).toEqual([...kinds.map((kind) => `invalidate ${kind}`), 'notice p1', 'notice p2']);
  });

  it('tells only the pages of a production that the production itself changed', async () => {
    const { received, stream } = await setup();
    const effect = mapEvent('project:update', { project_id: P2 });

    stream.onNotice(effect?.notice as TabNotice);

    expect(received.get('p1')).toEqual([]);
    expect(received.get('p2')).toEqual([effect?.notice]);
    expect(received.get('elsewhere')).toEqual([]);
  });

  it('panels answered with outdated data: the pages of that production on that host read again', async () => {
    const { live, received } = await setup();
    const { onServedOutdated } = live.cacheHooks(ORIGIN);

    onServedOutdated?.({ kind: 'entities-with-tasks', key: `shots-with-tasks:${P1}:all`, tags: [`project:${P1}`] });
    onServedOutdated?.({ kind: 'task-statuses', key: 'task-statuses', tags: ['task-statuses'] });

    expect(received.get('p1')).toEqual([{ projectId: P1, tags: [`project:${P1}`] }, { tags: ['task-statuses'] }]);
    expect(received.get('p2')).toEqual([{ tags: ['task-statuses'] }]);
    expect(received.get('elsewhere')).toEqual([]);
  });
});
