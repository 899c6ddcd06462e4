import { describe, expect, it, vi } from 'vitest';
import { readableAtOnce, settleContexts } from '../../lib/dock/context-settle';
import { pageContextKey, parseKitsuUrl } from '../../lib/kitsu-routes';
import { useFakeTimersInEachTest } from './support/fake-timers';

const PROD = 'https://kitsu.example.com/productions/5b0e3b8a-1c9d-4f0e-9a7b-2d3c4e5f6a7b';
const EPISODE = '99999999-8888-4777-8666-555555555555';
const TASK = '11111111-2222-4333-8444-555555555555';
const keyOf = (url: string) => pageContextKey(parseKitsuUrl(url));

useFakeTimersInEachTest();

function settler({ dockRule = false } = {}) {
  const commit = vi.fn<(url: string) => void>();
  const atOnce = dockRule ? (url: string) => readableAtOnce(parseKitsuUrl(url)) : undefined;
  return { commit, settle: settleContexts(commit, { keyOf, settleMs: 250, maxWaitMs: 800, atOnce }) };
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

describe('a click from a settled page to a list or task page is read at once', () => {
  const taskType = `${PROD}/shots/task-types/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee`;

  it('commits a task type page and the way back without the settle window', () => {
    const { commit, settle } = settler({ dockRule: true });
    settle.push(`${PROD}/shots`);
    vi.advanceTimersByTime(250);
    vi.advanceTimersByTime(400);
    settle.push(taskType);
    expect(commit.mock.calls).toEqual([[`${PROD}/shots`], [taskType]]);
    vi.advanceTimersByTime(600);
    settle.push(`${PROD}/shots?task_id=${TASK}`);
    expect(commit.mock.calls.at(-1)).toEqual([`${PROD}/shots?task_id=${TASK}`]);
    expect(commit).toHaveBeenCalledTimes(3);
  });

  it('still settles the first page of a load, a page right after a commit, and a pseudo-episode', () => {
    const { commit, settle } = settler({ dockRule: true });
    settle.push(`${PROD}/shots`);
    expect(commit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    // A click 100 ms after the commit: Kitsu may still be swapping pages.
    vi.advanceTimersByTime(100);
    settle.push(taskType);
    expect(commit).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(commit).toHaveBeenCalledTimes(2);
    // Opening a TV show's `all` episode: the top bar replaces it with the first episode.
    settle.push(`${PROD}/episodes/all/shots`);
    vi.advanceTimersByTime(120);
    settle.push(`${PROD}/episodes/${EPISODE}/shots`);
    vi.advanceTimersByTime(1000);
    expect(commit.mock.calls.slice(2)).toEqual([[`${PROD}/episodes/${EPISODE}/shots`]]);
    // A production page may redirect: it settles too.
    settle.push(`${PROD}/schedule`);
    expect(commit).toHaveBeenCalledTimes(3);
  });

  it('reads lists, task types, entities and tasks at once, in a real episode or none', () => {
    const readable = (path: string) => readableAtOnce(parseKitsuUrl(`${PROD}/${path}`));
    expect(readable('shots')).toBe(true);
    expect(readable(`episodes/${EPISODE}/assets`)).toBe(true);
    expect(readable(`shots/tasks/${TASK}`)).toBe(true);
    expect(readable('episodes/all/shots')).toBe(false);
    expect(readable('episodes/main/assets')).toBe(false);
    expect(readable('schedule')).toBe(false);
    expect(readableAtOnce(parseKitsuUrl('https://kitsu.example.com/productions'))).toBe(false);
  });
});
