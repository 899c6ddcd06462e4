import { describe, expect, it } from 'vitest';
import { createViewMemo } from '../../lib/agent/view-memo';

const NOW = new Date('2026-03-11T10:00:00Z');

describe('the suggestions views kept', () => {
  it('compare the reads by identity: a list read again, even equal, makes the view again', () => {
    const memo = createViewMemo<string>({ maxAgeMs: 60_000, pages: 2, maxChars: 1_000, sizeOf: (view) => view.length });
    const shots = [{ id: 'sh1' }];
    memo.keep('shots', { identity: ['settings', shots], dismissals: '{}' }, NOW, 'view 1');
    expect(memo.reuse('shots', { identity: ['settings', shots], dismissals: '{}' }, NOW)).toBe('view 1');
    expect(memo.reuse('shots', { identity: ['settings', [{ id: 'sh1' }]], dismissals: '{}' }, NOW)).toBeUndefined();
    expect(memo.reuse('shots', { identity: ['other settings', shots], dismissals: '{}' }, NOW)).toBeUndefined();
  });

  it('keep the most recent pages only', () => {
    const memo = createViewMemo<string>({ maxAgeMs: 60_000, pages: 2, maxChars: 1_000, sizeOf: (view) => view.length });
    const inputs = { identity: [], dismissals: '{}' };
    for (const page of ['a', 'b', 'c']) memo.keep(page, inputs, NOW, `view ${page}`);
    expect(['a', 'b', 'c'].map((page) => memo.reuse(page, inputs, NOW))).toEqual([undefined, 'view b', 'view c']);
  });

  it('keep views within a size in all: a larger one is not kept, older ones make room', () => {
    const memo = createViewMemo<string>({ maxAgeMs: 60_000, pages: 8, maxChars: 10, sizeOf: (view) => view.length });
    const inputs = { identity: [], dismissals: '{}' };
    memo.keep('huge', inputs, NOW, 'x'.repeat(11));
    expect(memo.reuse('huge', inputs, NOW)).toBeUndefined();
    for (const page of ['a', 'b', 'c']) memo.keep(page, inputs, NOW, `view ${page}`);
    // 6 characters each: only the newest fits within 10.
    expect(['a', 'b', 'c'].map((page) => memo.reuse(page, inputs, NOW))).toEqual([undefined, undefined, 'view c']);
  });
});
