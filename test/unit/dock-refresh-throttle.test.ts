import { describe, expect, it, vi } from 'vitest';
import { throttleRefreshes } from '../../lib/dock/refresh-throttle';
import { useFakeTimersInEachTest } from './support/fake-timers';

useFakeTimersInEachTest();

describe('refreshes of the dock on live events', () => {
  it('refreshes at once on a lone change', () => {
    const refresh = vi.fn();
    throttleRefreshes(refresh, 2000).notify();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('folds a burst of changes into one refresh at the end of the interval, so the last change is shown', () => {
    const refresh = vi.fn();
    const throttle = throttleRefreshes(refresh, 2000);
    throttle.notify();
    for (let event = 0; event < 250; event++) {
      vi.advanceTimersByTime(7);
      throttle.notify();
    }
    // 250 events over 1.75 s: the first refreshed at once, the rest wait for one refresh at 2 s.
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    expect(refresh).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('refreshes at once again once the interval has passed', () => {
    const refresh = vi.fn();
    const throttle = throttleRefreshes(refresh, 2000);
    throttle.notify();
    vi.advanceTimersByTime(2500);
    throttle.notify();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('drops the pending refresh when the page goes away', () => {
    const refresh = vi.fn();
    const throttle = throttleRefreshes(refresh, 2000);
    throttle.notify();
    throttle.notify();
    throttle.stop();
    vi.advanceTimersByTime(5000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
