import { describe, it } from 'vitest';
import { EPISODE, expectParsed, NO_QUERY, PERSON, PREVIEW, PROD, PRODUCTION, TASK } from './support/kitsu-route-ids';

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
