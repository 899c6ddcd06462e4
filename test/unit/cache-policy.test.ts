import { describe, expect, it, vi } from 'vitest';
import {
  type CacheKind,
  cacheKinds,
  chooseEvictions,
  defaultPolicy,
  estimateBytes,
  freshness,
} from '../../lib/cache/policy';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const at = (kind: CacheKind, age: number) =>
  freshness({ kind, fetchedAt: 10_000_000 }, 10_000_000 + age, defaultPolicy);

describe('freshness', () => {
  it('keeps task statuses fresh for an hour and usable while stale for a day after', () => {
    expect(at('task-statuses', 0)).toBe('fresh');
    expect(at('task-statuses', HOUR)).toBe('fresh');
    expect(at('task-statuses', HOUR + 1)).toBe('stale');
    expect(at('task-statuses', HOUR + DAY)).toBe('stale');
    expect(at('task-statuses', HOUR + DAY + 1)).toBe('expired');
  });

  it('keeps tasks fresh for 30 s and stale for 10 min after', () => {
    expect(at('full-task', 30 * SECOND)).toBe('fresh');
    expect(at('full-task', 30 * SECOND + 1)).toBe('stale');
    expect(at('full-task', 30 * SECOND + 10 * MINUTE)).toBe('stale');
    expect(at('full-task', 30 * SECOND + 10 * MINUTE + 1)).toBe('expired');
  });

  it('reads the policy it is given, not the default', () => {
    const policy = { ...defaultPolicy, task: { freshMs: 5, maxStaleMs: 5 } };
    expect(freshness({ kind: 'task', fetchedAt: 0 }, 6, policy)).toBe('stale');
    expect(freshness({ kind: 'task', fetchedAt: 0 }, 11, policy)).toBe('expired');
  });

  it('trusts what the live events keep, fetched while the stream has been live, whatever its age', () => {
    const fetchedAt = 10_000_000;
    const later = fetchedAt + DAY * 3;
    const live = (kind: CacheKind, since: number | null) => freshness({ kind, fetchedAt }, later, defaultPolicy, since);
    expect(live('entities-with-tasks', fetchedAt - 1)).toBe('fresh');
    expect(live('entities-with-tasks', fetchedAt)).toBe('fresh');
    expect(live('task-statuses', fetchedAt - HOUR)).toBe('fresh');
    expect(live('persons', fetchedAt - HOUR)).toBe('fresh');
    // Fetched before the stream (re)connected: events may have been missed, the age counts again.
    expect(live('entities-with-tasks', fetchedAt + 1)).toBe('expired');
    // The stream is down.
    expect(live('task-statuses', null)).toBe('expired');
    // Events of a production out of view are not applied to its entity lists: they age as before.
    expect(live('shots', fetchedAt - 1)).toBe('expired');
    expect(live('projects', fetchedAt - 1)).toBe('expired');
    expect(live('authenticated', fetchedAt - 1)).toBe('expired');
  });

  it('never calls an outdated entry fresh, even young or kept by live events, and lets it expire as usual', () => {
    const fetchedAt = 10_000_000;
    const outdated = (age: number, liveSince: number | null = null) =>
      freshness({ kind: 'entities-with-tasks', fetchedAt, outdated: true }, fetchedAt + age, defaultPolicy, liveSince);
    expect(outdated(0)).toBe('stale');
    expect(outdated(SECOND, fetchedAt - 1)).toBe('stale');
    expect(outdated(30 * SECOND + 10 * MINUTE)).toBe('stale');
    expect(outdated(30 * SECOND + 10 * MINUTE + 1)).toBe('expired');
  });

  it('treats an entry from the future (clock set back) as expired', () => {
    expect(at('task-types', -1)).toBe('expired');
  });

  it('gives every kind a policy, reference data living longer than tasks', () => {
    for (const kind of cacheKinds) {
      expect(defaultPolicy[kind].freshMs, kind).toBeGreaterThan(0);
      expect(defaultPolicy[kind].maxStaleMs, kind).toBeGreaterThan(0);
    }
    for (const reference of ['task-types', 'task-statuses', 'persons', 'departments'] as const) {
      for (const task of ['task', 'full-task', 'task-comments', 'open-tasks', 'entities-with-tasks'] as const) {
        expect(defaultPolicy[reference].freshMs).toBeGreaterThan(defaultPolicy[task].freshMs);
      }
    }
  });
});

describe('chooseEvictions', () => {
  const entry = (key: string, lastAccess: number, bytes = 10) => ({ key, lastAccess, bytes });

  it('chooses nothing within bounds', () => {
    expect(chooseEvictions([entry('a', 1), entry('b', 2)], 2, 20)).toEqual([]);
  });

  it('drops the least recently used first until the entry bound holds', () => {
    const entries = [entry('c', 30), entry('a', 10), entry('d', 40), entry('b', 20)];
    expect(chooseEvictions(entries, 2, Number.POSITIVE_INFINITY)).toEqual(['a', 'b']);
  });

  it('drops until the byte bound holds', () => {
    const entries = [entry('a', 1, 50), entry('b', 2, 30), entry('c', 3, 30)];
    expect(chooseEvictions(entries, 10, 60)).toEqual(['a']);
    expect(chooseEvictions(entries, 10, 59)).toEqual(['a', 'b']);
  });

  it('breaks access-time ties by the order given', () => {
    expect(chooseEvictions([entry('x', 5), entry('y', 5), entry('z', 5)], 1, 1000)).toEqual(['x', 'y']);
  });

  it('chooses an entry too big to keep on its own', () => {
    expect(chooseEvictions([entry('small', 1, 5), entry('huge', 2, 500)], 10, 100)).toEqual(['small', 'huge']);
  });
});

describe('estimateBytes', () => {
  it('measures the JSON text', () => {
    expect(estimateBytes({ id: 'abc' })).toBe('{"id":"abc"}'.length);
    expect(estimateBytes(null)).toBe(4);
    expect(estimateBytes(undefined)).toBe(0);
  });

  it('is exact on values without long arrays', () => {
    const values = [
      {},
      [],
      'quote " and \\ and é',
      [1, undefined, null, 'x', () => 1],
      { a: undefined, b: [{ c: 'd', e: [true, false] }], 'key "q"': 1.5, f: new Date(0), g: { h: {} } },
      Array.from({ length: 64 }, (_, index) => ({ id: `t${index}`, n: index })),
    ];
    for (const value of values) expect(estimateBytes(value)).toBe(JSON.stringify(value).length);
  });

  it('measures a 75,000-row list from a sample of its rows, within 2 %', () => {
    const rows = Array.from({ length: 15_000 }, (_, shot) => ({
      id: `shot-${shot}`,
      name: `SH${String(shot).padStart(5, '0')}`,
      tasks: Array.from({ length: 5 }, (__, index) => ({
        id: `task-${shot}-${index}`,
        task_status_id: `status-${(shot * 7 + index) % 5}`,
        assignees: shot % 3 === 0 ? [] : [`person-${shot % 11}`],
        due_date: shot % 4 === 0 ? null : '2026-12-01T00:00:00',
      })),
    }));
    const exact = JSON.stringify(rows).length;
    const stringify = vi.spyOn(JSON, 'stringify');
    const estimate = estimateBytes(rows);
    const longest = Math.max(...stringify.mock.results.map(({ value }) => String(value).length));
    stringify.mockRestore();
    expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.02);
    expect(longest).toBeLessThan(100);
  });
});
