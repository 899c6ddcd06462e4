import { describe, expect, it, vi } from 'vitest';
import { identityMemo } from '../../lib/shared/identity-memo';

describe('values derived from the same objects', () => {
  it('computes once for the same objects and tag, again for another object or tag', () => {
    const memo = identityMemo<number>();
    const compute = vi.fn(() => compute.mock.calls.length);
    const [shots, assets] = [[{ id: 'sh010' }], [{ id: 'chair' }]];
    expect(memo([shots, assets], 'p1', compute)).toBe(1);
    expect(memo([shots, assets], 'p1', compute)).toBe(1);
    expect(memo([[...shots], assets], 'p1', compute)).toBe(2);
    expect(memo([shots, assets], 'p2', compute)).toBe(3);
    expect(memo([assets, shots], 'p1', compute)).toBe(4);
    expect(compute).toHaveBeenCalledTimes(4);
  });

  it('tells an absent source from a present one', () => {
    const memo = identityMemo<string>();
    const shots: object[] = [];
    expect(memo([shots, undefined], '', () => 'shots only')).toBe('shots only');
    expect(memo([shots, []], '', () => 'with assets')).toBe('with assets');
    expect(memo([shots, undefined], '', () => 'again')).toBe('shots only');
    expect(memo([undefined, shots], '', () => 'as assets')).toBe('as assets');
  });

  it('keeps the latest values of a source within its number of tags', () => {
    const memo = identityMemo<string>({ tagsPerSource: 2 });
    const rows = {};
    const compute = vi.fn((tag: string) => `${tag} #${compute.mock.calls.length}`);
    for (const tag of ['a', 'b', 'c']) memo([rows], tag, () => compute(tag));
    expect(memo([rows], 'c', () => compute('c'))).toBe('c #3');
    expect(memo([rows], 'b', () => compute('b'))).toBe('b #2');
    expect(memo([rows], 'a', () => compute('a'))).toBe('a #4');
  });
});
