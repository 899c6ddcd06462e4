import { describe, expect, it, vi } from 'vitest';
import { type CacheDescriptor, createCache, type HeldItems, tagMatcher } from '../../lib/cache';

// fake-indexeddb lives as long as the test file, so each test gets hosts of its own.
let hostCount = 0;
const newHost = () => `https://held-${++hostCount}.studio.example`;
const now = () => 1_700_000_000_000;

type Entities = { id: string; tasks: { id: string }[] }[];
const TASKS: HeldItems<Entities> = {
  prefixes: ['task'],
  idsOf: (entities) => entities.flatMap((entity) => entity.tasks.map((task) => task.id)),
};
const list = (name: 'shots' | 'assets'): CacheDescriptor<Entities> => ({
  kind: 'entities-with-tasks',
  key: `${name}-with-tasks:p1:all`,
  tags: ['project:p1'],
  holds: TASKS,
});
const SHOTS: Entities = [
  { id: 'sh1', tasks: [{ id: 't1' }, { id: 't2' }] },
  { id: 'sh2', tasks: [{ id: 't3' }] },
];
const ASSETS: Entities = [{ id: 'as1', tasks: [{ id: 't9' }] }];
/** A fetcher answering `value`, counting its calls. */
const answering = (value: Entities) => vi.fn(async () => value);

describe('lists holding items: an item’s tag drops only the lists holding it', () => {
  it('a change to a shot task drops the shots list and leaves the assets list', async () => {
    const cache = createCache({ host: newHost(), now });
    const [shots, assets] = [answering(SHOTS), answering(ASSETS)];
    await cache.read(list('shots'), shots);
    await cache.read(list('assets'), assets);

    await cache.invalidateTags(['task:t3']);
    expect(await cache.read(list('assets'), assets)).toMatchObject({ source: 'memory' });
    expect(await cache.read(list('shots'), shots)).toMatchObject({ source: 'network' });
    expect(assets).toHaveBeenCalledTimes(1);
    expect(shots).toHaveBeenCalledTimes(2);
  });

  it('a tag of another prefix, or an id no list holds, drops neither', async () => {
    const cache = createCache({ host: newHost(), now });
    const shots = answering(SHOTS);
    await cache.read(list('shots'), shots);
    await cache.invalidateTags(['entity:t1', 'task:t404', 'comment:c1']);
    expect(await cache.read(list('shots'), shots)).toMatchObject({ source: 'memory' });
  });

  it('still knows what a list holds once its value has left memory', async () => {
    const host = newHost();
    // Room in memory for one list: reading the assets releases the shots (they stay in IndexedDB).
    const cache = createCache({ host, now, maxMemoryBytes: 100 });
    const shots = answering(SHOTS);
    await cache.read(list('shots'), shots);
    await cache.read(list('assets'), answering(ASSETS));

    await cache.invalidateTags(['task:t9']);
    expect(await cache.read(list('shots'), shots)).toMatchObject({ source: 'idb' });
    expect(shots).toHaveBeenCalledTimes(1);
  });

  it('after a worker restart, a list not read back yet may hold any task: a task tag drops it', async () => {
    const host = newHost();
    const before = createCache({ host, now });
    await before.read(list('shots'), answering(SHOTS));
    await before.read(list('assets'), answering(ASSETS));

    const after = createCache({ host, now });
    const [shots, assets] = [answering(SHOTS), answering(ASSETS)];
    // Read back: the assets list learns what it holds; the shots list is not read before the event.
    expect(await after.read(list('assets'), assets)).toMatchObject({ source: 'idb' });
    await after.invalidateTags(['task:t404']);
    expect(await after.read(list('assets'), assets)).toMatchObject({ source: 'memory' });
    expect(await after.read(list('shots'), shots)).toMatchObject({ source: 'network' });
  });

  it('a list under way when a task tag arrives is not stored: what it will hold is unknown', async () => {
    const cache = createCache({ host: newHost(), now });
    let answer!: (value: Entities) => void;
    let asked!: () => void;
    // The fetch starts once the cache has loaded its index from IndexedDB: wait for it, not for a tick.
    const underWay = new Promise<void>((resolve) => (asked = resolve));
    const reading = cache.read(
      list('assets'),
      () =>
        new Promise<Entities>((resolve) => {
          answer = resolve;
          asked();
        }),
    );
    await underWay;
    await cache.invalidateTags(['task:t1']);
    answer(ASSETS);
    await reading;
    const again = answering(ASSETS);
    expect(await cache.read(list('assets'), again)).toMatchObject({ source: 'network' });
    expect(again).toHaveBeenCalledTimes(1);
  });
});

describe('tagMatcher', () => {
  const shots = { key: 'shots-with-tasks:p1:all', kind: 'entities-with-tasks', tags: ['project:p1'], holds: ['task'] };

  it('matches a carried tag whatever the contents', () => {
    expect(tagMatcher(['project:p1'])(shots, new Set())).toBe(true);
  });

  it('matches a held item by its id, and any item of the prefix when the contents are unknown', () => {
    const matches = tagMatcher(['task:t2']);
    expect(matches(shots, new Set(['t1', 't2']))).toBe(true);
    expect(matches(shots, new Set(['t1']))).toBe(false);
    expect(matches(shots, undefined)).toBe(true);
  });

  it('matches a list holding any one of several items of a prefix (a job’s end names all its tasks)', () => {
    const matches = tagMatcher(['task:t1', 'task:t2', 'task:t3']);
    expect(matches(shots, new Set(['t3']))).toBe(true);
    expect(matches(shots, new Set(['t4']))).toBe(false);
  });

  it('never reaches a read that declares no held items through an item’s tag', () => {
    const task = { key: 'full-task:t1', kind: 'full-task', tags: ['task:t1'] };
    expect(tagMatcher(['task:t2'])(task, undefined)).toBe(false);
    expect(tagMatcher(['task:t1'])(task, undefined)).toBe(true);
  });
});
