// The cache's bounds at a studio's scale: a 75,000-task production's list is kept, the total stays
// bounded, and the values held in memory stay within their own bound (the rest is read from IndexedDB).
import { describe, expect, it } from 'vitest';
import { type CacheDescriptor, createCache, DEFAULT_MAX_BYTES, estimateBytes } from '../../lib/cache';

let hostCount = 0;
const newHost = () => `https://kitsu-bounds-${++hostCount}.studio.example`;
const NOW = 1_700_000_000_000;

const shotsWithTasks = (project: string): CacheDescriptor => ({
  kind: 'entities-with-tasks',
  key: `shots-with-tasks:${project}:all`,
  tags: [`project:${project}`],
});
const fullTask = (id: string): CacheDescriptor => ({ kind: 'full-task', key: `full-task:${id}`, tags: [`task:${id}`] });

/** One shot and its five tasks, about 3,300 bytes of JSON as Kitsu sends them (650 a task). */
const SHOT = {
  id: '5a4b9f3e-2c1d-4e8f-9a7b-6c5d4e3f2a1b',
  name: 'SH00010',
  sequence_name: 'SQ010',
  description: 'x'.repeat(120),
  tasks: Array.from({ length: 5 }, (_, index) => ({
    id: `0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5${index}`,
    task_type_id: `1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5${index}`,
    task_status_id: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
    assignees: ['3b4c5d6e-7f8a-4b9c-0d1e-2f3a4b5c6d7e'],
    due_date: '2026-12-01T00:00:00',
    start_date: '2026-11-20T00:00:00',
    estimation: 960,
    priority: 0,
    retake_count: 0,
    last_comment_date: '2026-11-28T10:12:00',
    real_start_date: '2026-11-21T09:00:00',
    end_date: null,
    duration: 0,
    entity_id: '5a4b9f3e-2c1d-4e8f-9a7b-6c5d4e3f2a1b',
    project_id: '4c5d6e7f-8a9b-4c0d-1e2f-3a4b5c6d7e8f',
    description: 'y'.repeat(130),
  })),
};
/** A production's list of `tasks` tasks; the rows are one object, so the test stays light on memory. */
const list = (tasks: number) => Array.from({ length: tasks / 5 }, () => SHOT);

describe('cache bounds at scale', () => {
  it('keeps a 20,000-task and a 75,000-task list with the default bounds', async () => {
    const cache = createCache({ host: newHost(), now: () => NOW });
    const big = list(75_000);
    expect(estimateBytes(big)).toBeGreaterThan(45_000_000);
    expect(estimateBytes(big)).toBeLessThan(DEFAULT_MAX_BYTES);
    for (const [project, value] of [
      ['p20k', list(20_000)],
      ['p75k', big],
    ] as const) {
      expect((await cache.read(shotsWithTasks(project), async () => value)).source).toBe('network');
      const again = await cache.read(shotsWithTasks(project), async () => value);
      expect(again.source).toBe('memory');
    }
    expect(await cache.stats()).toMatchObject({ entries: 2, evictions: 0, requests: 2 });
  });

  it('keeps the total within maxBytes, least recently used out first', async () => {
    const cache = createCache({ host: newHost(), now: () => NOW, maxBytes: 3 * estimateBytes(list(1_000)) });
    for (const project of ['a', 'b', 'c']) await cache.read(shotsWithTasks(project), async () => list(1_000));
    await cache.read(shotsWithTasks('a'), async () => list(1_000));
    await cache.read(shotsWithTasks('d'), async () => list(1_000));
    const stats = await cache.stats();
    expect(stats).toMatchObject({ entries: 3, evictions: 1, requests: 4 });
    expect(stats.approxBytes).toBeLessThanOrEqual(3 * estimateBytes(list(1_000)));
    expect((await cache.read(shotsWithTasks('a'), async () => list(1_000))).source).toBe('memory');
  });

  it('releases the least recently used values from memory beyond maxMemoryBytes, and reads them back', async () => {
    const value = (id: string) => ({ id, body: 'x'.repeat(80) });
    const size = estimateBytes(value('a'));
    const cache = createCache({ host: newHost(), now: () => NOW, maxMemoryBytes: size * 2 });
    for (const id of ['a', 'b', 'c']) await cache.read(fullTask(id), async () => value(id));

    expect(await cache.stats()).toMatchObject({ entries: 3, evictions: 0 });
    expect(await cache.read(fullTask('c'), async () => value('c'))).toMatchObject({ source: 'memory' });
    expect(await cache.read(fullTask('b'), async () => value('b'))).toMatchObject({ source: 'memory' });
    // 'a' was released when 'c' came: it comes back from IndexedDB, and releases 'c', now the oldest held.
    expect(await cache.read(fullTask('a'), async () => value('a'))).toEqual({
      value: value('a'),
      source: 'idb',
      stale: false,
    });
    expect(await cache.read(fullTask('b'), async () => value('b'))).toMatchObject({ source: 'memory' });
    expect(await cache.read(fullTask('c'), async () => value('c'))).toMatchObject({ source: 'idb' });
    expect(await cache.stats()).toMatchObject({ requests: 3, misses: 3 });
  });
});
