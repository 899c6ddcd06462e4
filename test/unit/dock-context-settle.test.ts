import { describe, expect, it, vi } from 'vitest';
import { settleContexts } from '../../lib/dock/context-settle';
import { pageContextKey, parseKitsuUrl } from '../../lib/kitsu-routes';
import { useFakeTimersInEachTest } from './support/fake-timers';

const PROD = 'https://kitsu.example.com/productions/5b0e3b8a-1c9d-4f0e-9a7b-2d3c4e5f6a7b';
const EPISODE = '99999999-8888-4777-8666-555555555555';
const TASK = '11111111-2222-4333-8444-555555555555';
const keyOf = (url: string) => pageContextKey(parseKitsuUrl(url));

useFakeTimersInEachTest();

function settler() {
  const commit = vi.fn<(url: string) => void>();
  return { commit, settle: settleContexts(commit, { keyOf, settleMs: 250, maxWaitMs: 800 }) };
}

describe('page changes settle before the dock reads them', () => {
  it('commits the first page once it has stayed for the settle window', () => {
    const { commit, settle } = settler();
    settle.push(`${PROD}/shots`);
    vi.advanceTimersByTime(249);
    expect(commit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(commit.mock.calls).toEqual([[`${PROD}/shots`]]);
  });

  it('folds the TV show’s episode swap just after load into one page: no flash of `all`', () => {
    const { commit, settle } = settler();
    settle.push(`${PROD}/episodes/all/shots`);
    vi.advanceTimersByTime(120);
    settle.push(`${PROD}/episodes/${EPISODE}/shots`);
    vi.advanceTimersByTime(1000);
    expect(commit.mock.calls).toEqual([[`${PROD}/episodes/${EPISODE}/shots`]]);
  });

  it('ignores view state: 50 grid clicks and 10 search keystrokes commit nothing', () => {
    const { commit, settle } = settler();
    settle.push(`${PROD}/shots`);
    vi.advanceTimersByTime(300);
    for (let click = 0; click < 50; click++) {
      settle.push(`${PROD}/shots?task_id=${TASK}`);
      settle.push(`${PROD}/shots`);
    }
    for (const search of ['s', 'sh', 'sh0', 'sh01', 'sh010', 'sh01', 'sh0', 'sh', 's', '']) {
      settle.push(`${PROD}/shots?search=${search}`);
    }
    vi.advanceTimersByTime(5000);
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('cancels a change that comes back to the committed page within the window', () => {
    const { commit, settle } = settler();
    settle.push(`${PROD}/shots`);
    vi.advanceTimersByTime(300);
    settle.push(`${PROD}/assets`);
    vi.advanceTimersByTime(100);
    settle.push(`${PROD}/shots?task_id=${TASK}`);
    vi.advanceTimersByTime(1000);
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('commits the last page within the longest wait while pages keep changing', () => {
    const { commit, settle } = settler();
    settle.push(`${PROD}/shots`);
    vi.advanceTimersByTime(300);
    const pages = ['assets', 'sequences', 'edits', 'episodes', 'shots/task-types/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'];
    for (let step = 0; step < 10; step++) {
      settle.push(`${PROD}/${pages[step % pages.length]}`);
      vi.advanceTimersByTime(100);
    }
    // 1 s of changes every 100 ms: one commit at 800 ms, not one per change and not none.
    expect(commit).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(commit).toHaveBeenCalledTimes(3);
    expect(commit.mock.calls.at(-1)).toEqual([`${PROD}/${pages[9 % pages.length]}`]);
  });

  it('commits nothing after stop', () => {
    const { commit, settle } = settler();
    settle.push(`${PROD}/shots`);
    settle.stop();
    vi.advanceTimersByTime(1000);
    expect(commit).not.toHaveBeenCalled();
  });
});
