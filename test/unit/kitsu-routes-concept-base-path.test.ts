import { describe, expect, it } from 'vitest';
import { PageContextSchema, parseKitsuUrl } from '../../lib/kitsu-routes';

const PRODUCTION = '6f1c2e3a-0b4d-4e5f-9a6b-7c8d9e0f1a2b';
const EPISODE = '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6';
const TASK = '7a5c0000-6666-4777-9888-9999aaaabbbb';
const PREVIEW = '9e7e0000-7777-4888-a999-aaaabbbbcccc';
const PERSON = '9e750000-8888-4999-baaa-bbbbccccdddd';
const PROD = `/productions/${PRODUCTION}`;
const NO_QUERY = { extra: {} };

function expectParsed(url: string, expected: object, options?: { basePath?: string }): void {
  const context = parseKitsuUrl(url, options);
  expect(context).toStrictEqual(expected);
  expect(PageContextSchema.parse(context)).toStrictEqual(context);
}

describe('parseKitsuUrl: concept task pages (Kitsu keeps `concept` singular in task paths)', () => {
  const task = { kind: 'task', productionId: PRODUCTION, entityType: 'concept', taskId: TASK, query: NO_QUERY };

  it('parses a concept task', () => {
    expectParsed(`${PROD}/concept/tasks/${TASK}`, task);
  });

  it('parses a concept task with a preview and inside an episode', () => {
    expectParsed(`${PROD}/concept/tasks/${TASK}/previews/${PREVIEW}`, { ...task, previewId: PREVIEW });
    expectParsed(`${PROD}/episodes/${EPISODE}/concept/tasks/${TASK}`, { ...task, episodeId: EPISODE });
  });

  it.each([`${PROD}/concepts/tasks/${TASK}`, `${PROD}/concept/tasks/not-a-task`, `${PROD}/concept/${TASK}`])(
    '%s is no concept task',
    (path) => expectParsed(path, { kind: 'other', url: path, query: NO_QUERY }),
  );
});

describe('parseKitsuUrl: Kitsu under a sub-path, with no base path given', () => {
  const shots = { kind: 'entity-list', productionId: PRODUCTION, entityType: 'shot', query: NO_QUERY };

  it.each([
    `https://studio.example.com/kitsu${PROD}/shots`,
    `/kitsu${PROD}/shots`,
    `/tools/kitsu${PROD}/shots`,
    `/a/b/c${PROD}/shots`,
  ])('finds the route of %s under its base path', (url) => expectParsed(url, shots));

  it('finds studio pages and concept tasks under a base path too', () => {
    expectParsed(`/kitsu/people/${PERSON}`, { kind: 'person', personId: PERSON, query: NO_QUERY });
    expectParsed('/kitsu/my-tasks?section=done', {
      kind: 'my-tasks',
      section: 'done',
      query: { section: 'done', extra: {} },
    });
    expectParsed(`/kitsu${PROD}/concept/tasks/${TASK}`, {
      kind: 'task',
      productionId: PRODUCTION,
      entityType: 'concept',
      taskId: TASK,
      query: NO_QUERY,
    });
  });

  it.each([
    // Deeper than three segments is not guessed.
    `/a/b/c/d${PROD}/shots`,
    // A path that starts like a Kitsu route is that route or nothing.
    '/productions/new',
    `${PROD}/shots/my-tasks`,
    '/people/my-tasks',
    // Empty segments are no base path.
    '//my-tasks',
    '/kitsu//my-tasks',
    '/kitsu',
    '/kitsu/',
    '/kitsu/login',
  ])('reports %s as other', (path) => expectParsed(path, { kind: 'other', url: path, query: NO_QUERY }));

  it('uses only the given base path when there is one', () => {
    expectParsed(
      `/kitsu${PROD}/shots`,
      { kind: 'other', url: `/kitsu${PROD}/shots`, query: NO_QUERY },
      {
        basePath: '/tools',
      },
    );
  });
});
