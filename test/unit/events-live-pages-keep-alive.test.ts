import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLivePages, KEEP_ALIVE_MS } from '../../lib/events/live-pages';
import type { EventStream, EventStreamStatus } from '../../lib/events/stream';

const ORIGIN = 'https://kitsu.studio.example';

function fakeStream(): EventStream {
  const status: EventStreamStatus = {
    origin: ORIGIN,
    state: 'off',
    since: 0,
    lastEventAt: null,
    transport: null,
    attempt: 0,
    nextRetryAt: null,
    reason: null,
  };
  return { origin: ORIGIN, start() {}, stop() {}, status: () => status, subscribe: () => () => {} };
}

describe('live pages keep the background running while a Kitsu page is open (Firefox event page)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls keepAlive every KEEP_ALIVE_MS from the first open page to the last closed one', () => {
    const keepAlive = vi.fn(async () => ({}));
    const live = createLivePages({ sessionFor: async () => null, createStream: fakeStream, keepAlive });
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 3);
    expect(keepAlive).not.toHaveBeenCalled();

    const first = {};
    const second = {};
    live.open(first, { origin: ORIGIN, post: () => {} });
    live.open(second, { origin: ORIGIN, post: () => {} });
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 2);
    expect(keepAlive).toHaveBeenCalledTimes(2);

    live.close(first);
    vi.advanceTimersByTime(KEEP_ALIVE_MS);
    expect(keepAlive).toHaveBeenCalledTimes(3);

    live.close(second);
    vi.advanceTimersByTime(KEEP_ALIVE_MS * 3);
    expect(keepAlive).toHaveBeenCalledTimes(3);
  });

  it('is under the 30 s idle timeout, and a failing call changes nothing', async () => {
    expect(KEEP_ALIVE_MS).toBeLessThan(30_000);
    const keepAlive = vi.fn(async () => {
      throw new Error('context gone');
    });
    const live = createLivePages({ sessionFor: async () => null, createStream: fakeStream, keepAlive });
    live.open({}, { origin: ORIGIN, post: () => {} });
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS * 2);
    expect(keepAlive).toHaveBeenCalledTimes(2);
  });

  it('sets no timer without keepAlive (Chrome)', () => {
    const live = createLivePages({ sessionFor: async () => null, createStream: fakeStream });
    live.open({}, { origin: ORIGIN, post: () => {} });
    expect(vi.getTimerCount()).toBe(0);
  });
});
