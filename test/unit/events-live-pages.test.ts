import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TASK_LEVEL_KINDS } from '../../lib/events/invalidation';
import { createLivePages, RECENTLY_IN_VIEW_MS, STREAM_LINGER_MS } from '../../lib/events/live-pages';
import type { EventStream, EventStreamOptions } from '../../lib/events/stream';
import { sessionWithRecordingCache } from './support/live-pages-session';

const ORIGIN = 'https://kitsu.studio.example';
const P1 = '3f1c1a52-0c4e-4a7a-9a39-1c8f5c3e2a10';
const P2 = '9b2d7e41-5f6a-4c3b-8d2e-7a1b0c9d8e7f';
const page = (project: string) => `${ORIGIN}/productions/${project}/shots`;

function setup() {
  let clock = 0;
  const { cache, session } = sessionWithRecordingCache();
  const stream = { start: vi.fn(), stop: vi.fn() };
  let options: EventStreamOptions | undefined;
  const live = createLivePages({
    sessionFor: async () => session,
    now: () => clock,
    createStream: (given) => {
      options = given;
      return { origin: ORIGIN, ...stream, status: vi.fn(), subscribe: () => () => {} } as unknown as EventStream;
    },
  });
  return {
    live,
    cache,
    stream,
    inView: () => options?.projectsInView() ?? new Set<string>(),
    tick: (ms: number) => {
      clock += ms;
      vi.advanceTimersByTime(ms);
    },
  };
}

describe('live pages', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('outdates the task-level reads of a production that comes into view, not one already shown', async () => {
    const { live, cache, inView } = setup();
    const first = {};
    live.open(first, { origin: ORIGIN, post: () => {} });
    await live.visit(first, page(P1));
    expect(cache.outdateKind.mock.calls.map(([kind]) => kind)).toEqual([...TASK_LEVEL_KINDS]);
    // Panels are still shown them while they are read again: nothing is dropped.
    expect(cache.invalidateKind).not.toHaveBeenCalled();
    cache.outdateKind.mockClear();
    const second = {};
    live.open(second, { origin: ORIGIN, post: () => {} });
    await live.visit(second, page(P1));
    expect(cache.outdateKind).not.toHaveBeenCalled();
    expect(inView()).toEqual(new Set([P1]));
  });

  it('keeps a reload cheap: the stream lingers and a production left a moment ago needs no refetch', async () => {
    const { live, cache, stream, tick } = setup();
    const before = {};
    live.open(before, { origin: ORIGIN, post: () => {} });
    await live.visit(before, page(P1));
    cache.outdateKind.mockClear();
    live.close(before);
    tick(1_000);
    const after = {};
    live.open(after, { origin: ORIGIN, post: () => {} });
    await live.visit(after, page(P1));
    expect(stream.stop).not.toHaveBeenCalled();
    expect(cache.outdateKind).not.toHaveBeenCalled();
  });

  it('stops the stream once no page of the host came back for a while', () => {
    const { live, stream, tick } = setup();
    const only = {};
    live.open(only, { origin: ORIGIN, post: () => {} });
    live.close(only);
    tick(STREAM_LINGER_MS - 1);
    expect(stream.stop).not.toHaveBeenCalled();
    tick(1);
    expect(stream.stop).toHaveBeenCalledTimes(1);
  });

  it('listens to a production left recently, and forgets it after a while', async () => {
    const { live, cache, inView, tick } = setup();
    const tab = {};
    live.open(tab, { origin: ORIGIN, post: () => {} });
    await live.visit(tab, page(P1));
    await live.visit(tab, page(P2));
    expect(inView()).toEqual(new Set([P1, P2]));
    tick(RECENTLY_IN_VIEW_MS);
    expect(inView()).toEqual(new Set([P2]));
    cache.outdateKind.mockClear();
    await live.visit(tab, page(P1));
    expect(cache.outdateKind).toHaveBeenCalled();
  });
});
