import { describe, expect, it } from 'vitest';
import { formatTimeLeft, timeLeftMs } from '../../lib/plans/time-left';
import { AVATAR_COLOURS, avatarColour, textColourOn } from '../../lib/shared/colours';
import { initialsOf, middleShorten } from '../../lib/shared/text';

describe('time left of a running job', () => {
  it('extrapolates the pace kept since the first sample', () => {
    expect(timeLeftMs({ at: 0, done: 0 }, { at: 10_000, done: 100 }, 1000)).toBe(90_000);
    expect(timeLeftMs({ at: 0, done: 200 }, { at: 5_000, done: 300 }, 1000)).toBe(35_000);
  });

  it('says nothing before anything was done since the first sample', () => {
    expect(timeLeftMs({ at: 0, done: 10 }, { at: 5_000, done: 10 }, 100)).toBeNull();
    expect(timeLeftMs({ at: 0, done: 0 }, { at: 0, done: 0 }, 100)).toBeNull();
  });

  it('reads as an estimate', () => {
    expect(formatTimeLeft(3_000)).toBe('a few seconds');
    expect(formatTimeLeft(42_000)).toBe('about 40 s');
    expect(formatTimeLeft(150_000)).toBe('about 3 min');
    expect(formatTimeLeft(3_900_000)).toBe('about 1 h 5 min');
  });
});

describe('names and colours shown like Kitsu', () => {
  it('shortens long names in their middle, and leaves short ones alone', () => {
    expect(middleShorten('SH0360 / Layout', 20)).toBe('SH0360 / Layout');
    const cut = middleShorten('fox_tales_ep01_sq010_sh0360 / Compositing', 21);
    expect(cut).toBe('fox_tales_…ompositing');
    expect(cut).toHaveLength(21);
  });

  it('takes initials from the first two words', () => {
    expect(initialsOf('Chloé Dubois Martin')).toBe('CD');
    expect(initialsOf('  ana ')).toBe('A');
    expect(initialsOf('')).toBe('');
  });

  it('picks black text on light statuses and white on dark ones', () => {
    expect(textColourOn('#f5f5f5')).toBe('#000000');
    expect(textColourOn('#1f2d6b')).toBe('#ffffff');
    expect(textColourOn('#ff3860')).toBe('#000000');
    expect(textColourOn('#ffe08a')).toBe('#000000');
    expect(textColourOn('not a colour')).toBe('#000000');
  });

  it('gives a person the same avatar colour every time, and different people different ones', () => {
    expect(avatarColour('Ana Lima')).toBe(avatarColour('Ana Lima'));
    expect(avatarColour('Ana Lima')).not.toBe(avatarColour('Ben Ode'));
    expect(avatarColour('Chloe Dubois')).toBeLessThan(AVATAR_COLOURS);
  });
});
