import { describe, expect, it } from 'vitest';
import { pageContextKey, parseKitsuUrl, samePage } from '../../lib/kitsu-routes';

const PRODUCTION = '5b0e3b8a-1c9d-4f0e-9a7b-2d3c4e5f6a7b';
const TASK = '11111111-2222-4333-8444-555555555555';
const EPISODE = '99999999-8888-4777-8666-555555555555';
const TASK_TYPE = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const PROD = `https://kitsu.example.com/productions/${PRODUCTION}`;

const key = (url: string) => pageContextKey(parseKitsuUrl(url));

describe('pageContextKey: view state is not a page', () => {
  it.each([
    [`${PROD}/shots`, `${PROD}/shots?task_id=${TASK}`],
    [`${PROD}/shots?task_id=${TASK}`, `${PROD}/shots`],
    [`${PROD}/shots`, `${PROD}/shots?search=sh01`],
    [`${PROD}/shots?search=s`, `${PROD}/shots?search=sh`],
    [`${PROD}/assets`, `${PROD}/assets?search=chair&task_id=${TASK}&sort=name`],
    [`${PROD}/shots/task-types/${TASK_TYPE}`, `${PROD}/shots/task-types/${TASK_TYPE}?task_id=${TASK}&search=x`],
    [`${PROD}/shots`, `${PROD}/shots#anchor`],
    ['https://kitsu.example.com/login', 'https://kitsu.example.com/login?next=%2Fmy-tasks'],
  ])('%s and %s are the same page', (a, b) => {
    expect(key(a)).toBe(key(b));
    expect(samePage(parseKitsuUrl(a), parseKitsuUrl(b))).toBe(true);
  });

  it.each([
    [`${PROD}/shots`, `${PROD}/assets`],
    [`${PROD}/episodes/all/shots`, `${PROD}/episodes/${EPISODE}/shots`],
    [`${PROD}/shots/task-types/${TASK_TYPE}`, `${PROD}/shots/task-types/${TASK_TYPE}/schedule`],
    [`${PROD}/shots/tasks/${TASK}`, `${PROD}/assets/tasks/${TASK}`],
    // My Tasks' tab is a page of its own: the parser copies `section` out of the query.
    ['https://kitsu.example.com/my-tasks?section=todos', 'https://kitsu.example.com/my-tasks?section=done'],
    ['https://kitsu.example.com/login', 'https://kitsu.example.com/logout'],
  ])('%s and %s are different pages', (a, b) => {
    expect(key(a)).not.toBe(key(b));
    expect(samePage(parseKitsuUrl(a), parseKitsuUrl(b))).toBe(false);
  });

  it('does not depend on the order the context was built in', () => {
    const context = parseKitsuUrl(`${PROD}/shots`);
    const reordered = Object.fromEntries(Object.entries(context).reverse()) as typeof context;
    expect(pageContextKey(reordered)).toBe(pageContextKey(context));
  });
});
