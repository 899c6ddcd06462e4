// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { claimWriteClick } from '../../components/write-action';

describe('a write control', () => {
  it('takes the first trusted click, disables the button at once, and ignores the clicks that follow', () => {
    const button = document.createElement('button');
    const busy = { current: null as string | null };
    expect(claimWriteClick({ isTrusted: true, currentTarget: button }, busy)).toBe(true);
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    busy.current = 'confirm';
    // The second and third clicks of a triple click, before anything was awaited.
    expect(claimWriteClick({ isTrusted: true, currentTarget: button }, busy)).toBe(false);
    expect(claimWriteClick({ isTrusted: true, currentTarget: document.createElement('button') }, busy)).toBe(false);
  });

  it('ignores a script-made click', () => {
    const button = document.createElement('button');
    expect(claimWriteClick({ isTrusted: false, currentTarget: button }, { current: null })).toBe(false);
    expect(button.disabled).toBe(false);
  });
});
