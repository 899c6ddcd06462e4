import { describe, expect, it, vi } from 'vitest';
import { type EventEffect, mapEvent, type TabNotice } from '../../lib/events/invalidation';
import { createLivePages } from '../../lib/events/live-pages';
import { createOwnWrites, isAboutTasks } from '../../lib/events/own-writes';
import type { EventStream, EventStreamOptions } from '../../lib/events/stream';
import { sessionWithRecordingCache } from './support/live-pages-session';

const ORIGIN = 'https://kitsu.studio.example';
const P1 = '3f1c1a52-0c4e-4a7a-9a39-1c8f5c3e2a10';
const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const C1 = '44444444-4444-4444-8444-444444444444';

const effect = (name: string, payload: Record<string, unknown>) =>
  mapEvent(name, { project_id: P1, ...payload }) as EventEffect;

describe('own writes: which events a running job caused', () => {
  it('are the events naming only the job’s tasks', () => {
    const job = new Set([T1, T2]);
    expect(isAboutTasks(effect('comment:new', { task_id: T1, comment_id: C1 }), job)).toBe(true);
    expect(isAboutTasks(effect('task:status-changed', { task_id: T2 }), job)).toBe(true);
    expect(isAboutTasks(effect('task:update', { task_id: OTHER }), job)).toBe(false);
    // No task named: cannot be said to be the job's.
    expect(isAboutTasks(effect('shot:update', { shot_id: OTHER }), job)).toBe(false);
    expect(isAboutTasks(effect('task:update', {}), job)).toBe(false);
    expect(isAboutTasks(mapEvent('task-status:update', { task_status_id: T1 }) as EventEffect, job)).toBe(false);
  });

  it('are held while the job runs, then released once, merged', () => {
    const own = createOwnWrites();
    own.begin('job-1', ORIGIN, [T1, T2]);
    expect(own.hold(ORIGIN, effect('comment:new', { task_id: T1, comment_id: C1 }))).toBe(true);
    expect(own.hold(ORIGIN, effect('task:update', { task_id: T2 }))).toBe(true);
    expect(own.hold(ORIGIN, effect('task:update', { task_id: OTHER }))).toBe(false);
    expect(own.hold('https://other.example', effect('task:update', { task_id: T1 }))).toBe(false);

    const released = own.end('job-1');
    expect(released?.heldEvents).toBe(2);
    expect(released?.invalidation.tags.sort()).toEqual([`comment:${C1}`, `task:${T1}`, `task:${T2}`].sort());
    // The task lists holding them go through their tags; the notice names them. The event log is dropped whole.
    expect(released?.invalidation.kinds).toEqual(['open-tasks', 'event-log']);
    expect(released?.notices).toHaveLength(1);
    expect(released?.notices[0]?.tags).toContain('entities-with-tasks');
    expect(released?.notices[0]?.projectId).toBe(P1);
    // Ended: nothing is held any more.
    expect(own.hold(ORIGIN, effect('task:update', { task_id: T1 }))).toBe(false);
    expect(own.end('job-1')).toBeNull();
  });

  it('keeps what a job held across its resume', () => {
    const own = createOwnWrites();
    own.begin('job-1', ORIGIN, [T1]);
    own.hold(ORIGIN, effect('task:update', { task_id: T1 }));
    own.begin('job-1', ORIGIN, [T1]);
    expect(own.end('job-1')?.heldEvents).toBe(1);
  });
});

describe('live pages: a job’s own events', () => {
  it('neither invalidate nor reach the pages while the job runs; its end does both once', async () => {
    vi.useFakeTimers();
    try {
      const { cache, session } = sessionWithRecordingCache();
      let stream: EventStreamOptions | undefined;
      const live = createLivePages({
        sessionFor: async () => session,
        createStream: (options) => {
          stream = options;
          return { origin: ORIGIN, start() {}, stop() {}, subscribe: () => () => {} } as unknown as EventStream;
        },
      });
      const notices: TabNotice[] = [];
      const page = {};
      live.open(page, { origin: ORIGIN, post: (notice) => notices.push(notice) });
      await live.visit(page, `${ORIGIN}/productions/${P1}/shots`);
      cache.invalidateKind.mockClear();
      cache.invalidateTags.mockClear();

      live.jobStarted('job-1', ORIGIN, [T1, T2]);
      for (let i = 0; i < 200; i++) {
        expect(stream?.hold?.(effect('comment:new', { task_id: i % 2 ? T1 : T2, comment_id: C1 }))).toBe(true);
      }
      expect(stream?.hold?.(effect('task:update', { task_id: OTHER }))).toBe(false);

      const ended = live.jobEnded('job-1');
      // Late events of the job's last writes are still held during the linger.
      expect(stream?.hold?.(effect('task:update', { task_id: T1 }))).toBe(true);
      await vi.runAllTimersAsync();
      await ended;

      expect(notices).toHaveLength(1);
      expect(notices[0]?.tags).toEqual(expect.arrayContaining([`task:${T1}`, `task:${T2}`, 'entities-with-tasks']));
      expect(cache.invalidateTags).toHaveBeenCalledTimes(1);
      expect(cache.invalidateTags).toHaveBeenCalledWith(expect.arrayContaining([`task:${T1}`, `task:${T2}`]));
      expect(cache.invalidateKind).toHaveBeenCalledWith('open-tasks');
      expect(cache.invalidateKind).toHaveBeenCalledWith('event-log');
      expect(stream?.hold?.(effect('task:update', { task_id: T1 }))).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
