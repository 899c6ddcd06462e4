import { describe, expect, it } from 'vitest';
import { allProperties } from '../../lib/shared/promises';

describe('allProperties', () => {
  it('keeps each answer under its name, whichever comes first, plain values too', async () => {
    const later = (value: number, ms: number) => new Promise<number>((resolve) => setTimeout(() => resolve(value), ms));
    expect(await allProperties({ slow: later(1, 30), quick: later(2, 1), plain: 'three' })).toEqual({
      slow: 1,
      quick: 2,
      plain: 'three',
    });
  });

  it('fails with the first failure, as Promise.all does', async () => {
    await expect(
      allProperties({ ok: Promise.resolve(1), failed: Promise.reject(new Error('refused')) }),
    ).rejects.toThrow('refused');
  });
});
