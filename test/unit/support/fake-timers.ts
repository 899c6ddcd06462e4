import { afterEach, beforeEach, vi } from 'vitest';

/** Runs each test of the calling file on vitest's fake clock, and gives the real clock back after it. */
export function useFakeTimersInEachTest(): void {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
