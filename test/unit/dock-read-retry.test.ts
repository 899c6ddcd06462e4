import { describe, expect, it, vi } from 'vitest';
import { retryFailedReads } from '../../lib/dock/read-retry';
import { useFakeTimersInEachTest } from './support/fake-timers';

useFakeTimersInEachTest();

describe('reading again after a failed read', () => {
  it('retries once for panels failing together, later each time it keeps failing, up to the cap', () => {
    const retry = vi.fn();
    const reads = retryFailedReads(retry, { firstMs: 5000, maxMs: 30_000 });
    reads.failed();
    reads.failed();
    vi.advanceTimersByTime(4999);
    expect(retry).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(retry).toHaveBeenCalledTimes(1);

    const waits: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      reads.failed();
      const before = Date.now();
      while (retry.mock.calls.length === attempt + 1) vi.advanceTimersByTime(1000);
      waits.push(Date.now() - before);
    }
    expect(waits).toEqual([10_000, 20_000, 30_000, 30_000]);
  });

  it('schedules nothing while reads succeed', () => {
    const retry = vi.fn();
    retryFailedReads(retry);
    vi.advanceTimersByTime(600_000);
    expect(retry).not.toHaveBeenCalled();
  });

  it('starts again from the shortest wait on a new page, dropping the retry of the old one', () => {
    const retry = vi.fn();
    const reads = retryFailedReads(retry, { firstMs: 5000 });
    reads.failed();
    vi.advanceTimersByTime(5000);
    reads.failed();
    reads.reset();
    vi.advanceTimersByTime(60_000);
    expect(retry).toHaveBeenCalledTimes(1);
    reads.failed();
    vi.advanceTimersByTime(5000);
    expect(retry).toHaveBeenCalledTimes(2);
  });
});
