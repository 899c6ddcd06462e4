import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { everyAfterRendering } from '../../lib/dom/after-rendering';

/** Frames render only when the test says so: a check must wait for one. */
let frames: Map<number, FrameRequestCallback>;
const renderFrame = () => {
  const callbacks = [...frames.values()];
  frames.clear();
  for (const callback of callbacks) callback(performance.now());
};

beforeEach(() => {
  vi.useFakeTimers();
  frames = new Map();
  let next = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.set(++next, callback);
    return next;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const timers = { setInterval: (run: () => void, ms: number) => Number(setInterval(run, ms)), clearInterval };

describe('checks after rendering', () => {
  it('runs a check in the task after the next frame, not when the interval fires', () => {
    const check = vi.fn();
    everyAfterRendering(timers, check, 250);
    vi.advanceTimersByTime(250);
    expect(check).not.toHaveBeenCalled();
    renderFrame();
    expect(check).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('runs one check for intervals that fired while no frame rendered (a hidden tab)', () => {
    const check = vi.fn();
    everyAfterRendering(timers, check, 250);
    vi.advanceTimersByTime(2_500);
    renderFrame();
    vi.advanceTimersByTime(0);
    expect(check).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    renderFrame();
    vi.advanceTimersByTime(0);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('runs nothing more once stopped, even a check waiting for its frame or its task', () => {
    const check = vi.fn();
    const stop = everyAfterRendering(timers, check, 250);
    vi.advanceTimersByTime(250);
    stop();
    renderFrame();
    vi.advanceTimersByTime(1_000);
    const again = everyAfterRendering(timers, check, 250);
    vi.advanceTimersByTime(250);
    renderFrame();
    again();
    vi.advanceTimersByTime(1_000);
    renderFrame();
    expect(check).not.toHaveBeenCalled();
  });
});
