import { describe, expect, it } from 'vitest';
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
});
