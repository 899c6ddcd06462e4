import { describe, expect, it } from 'vitest';
import { ProductionSectionSchema, parseKitsuUrl } from '../../lib/kitsu-routes';
import {
  ASSET,
  ASSET_TYPE,
  EDIT,
  EPISODE,
  expectParsed,
  NO_QUERY,
  PERSON,
  PLAYLIST,
  PREVIEW,
  PROD,
  PRODUCTION,
  SEQUENCE,
  SHOT,
  TASK,
  TASK_TYPE,
  TEMPLATE,
} from './support/kitsu-route-ids';

type Row = readonly [url: string, expected: object];
type Scope = { productionId: string; episodeId?: string };
const IN_PRODUCTION: Scope = { productionId: PRODUCTION };

// The expected contexts of the page kinds that most rows share; a row only names what sets it apart.
const studioPage = (section: string, params: object = {}) => ({
  kind: 'studio-page',
  section,
  params,
  query: NO_QUERY,
});
const productionPage = (section: string, params: object = {}, scope: Scope = IN_PRODUCTION) => ({
  kind: 'production-page',
  ...scope,
  section,
  params,
  query: NO_QUERY,
});
const taskTypePage = (entityType: string, view: string, scope: Scope = IN_PRODUCTION) => ({
  kind: 'task-type',
  ...scope,
  entityType,
  taskTypeId: TASK_TYPE,
  view,
  query: NO_QUERY,
});

/**
 * The list and an entity page of assets, shots, sequences and edits under `base` (episodes, whose page
 * also names the episode, have rows of their own).
 */
const entityRows = (base: string, scope: Scope = IN_PRODUCTION): Row[] =>
  (
    [
      ['asset', ASSET],
      ['shot', SHOT],
      ['sequence', SEQUENCE],
      ['edit', EDIT],
    ] as const
  ).flatMap(([entityType, entityId]): Row[] => [
    [`${base}/${entityType}s`, { kind: 'entity-list', ...scope, entityType, query: NO_QUERY }],
    [`${base}/${entityType}s/${entityId}`, { kind: 'entity', ...scope, entityType, entityId, query: NO_QUERY }],
  ]);

describe('parseKitsuUrl: studio-level pages', () => {
  const rows: Row[] = [
    ['/open-productions', { kind: 'open-productions', query: NO_QUERY }],
    ['/my-tasks', { kind: 'my-tasks', query: NO_QUERY }],
    ['/my-tasks?section=done', { kind: 'my-tasks', section: 'done', query: { section: 'done', extra: {} } }],
    ['/my-checks', { kind: 'my-checks', query: NO_QUERY }],
    ['/all-tasks', { kind: 'all-tasks', query: NO_QUERY }],
    ['/team-schedule', { kind: 'team-schedule', query: NO_QUERY }],
    [`/people/${PERSON}`, { kind: 'person', personId: PERSON, query: NO_QUERY }],
    ['/people', studioPage('people')],
    ['/productions', studioPage('productions')],
    ['/news-feed', studioPage('news-feed')],
    ['/main-schedule', studioPage('main-schedule')],
    ['/timesheets', studioPage('timesheets')],
    ['/timesheets/year/2024', studioPage('timesheets', { period: 'year', year: 2024 })],
    [
      `/timesheets/year/2024/persons/${PERSON}`,
      studioPage('timesheets', { period: 'year', year: 2024, personId: PERSON }),
    ],
    ['/timesheets/month/2024', studioPage('timesheets', { period: 'month', year: 2024 })],
    [
      `/timesheets/month/2024/05/persons/${PERSON}`,
      studioPage('timesheets', { period: 'month', year: 2024, month: 5, personId: PERSON }),
    ],
    ['/timesheets/week/2024', studioPage('timesheets', { period: 'week', year: 2024 })],
    [
      `/timesheets/week/2024/52/persons/${PERSON}`,
      studioPage('timesheets', { period: 'week', year: 2024, week: 52, personId: PERSON }),
    ],
    ['/timesheets/day/2024/2', studioPage('timesheets', { period: 'day', year: 2024, month: 2 })],
    [
      `/timesheets/day/2024/2/29/persons/${PERSON}`,
      studioPage('timesheets', { period: 'day', year: 2024, month: 2, day: 29, personId: PERSON }),
    ],
    [`/project-templates/${TEMPLATE}`, studioPage('project-templates', { templateId: TEMPLATE })],
    ['/plugins/render_farm', studioPage('plugins', { pluginId: 'render_farm' })],
  ];

  it.each(rows)('%s', (url, expected) => expectParsed(url, expected));
});

describe('parseKitsuUrl: production pages', () => {
  const rows: Row[] = [
    ...entityRows(PROD),
    [`${PROD}/episodes`, { kind: 'entity-list', productionId: PRODUCTION, entityType: 'episode', query: NO_QUERY }],
    [
      `${PROD}/episodes/${EPISODE}`,
      {
        kind: 'entity',
        productionId: PRODUCTION,
        episodeId: EPISODE,
        entityType: 'episode',
        entityId: EPISODE,
        query: NO_QUERY,
      },
    ],
    // Every section has a page of its own, but for plugins, which only exist under a plugin id (below).
    ...ProductionSectionSchema.options
      .filter((section) => section !== 'plugins')
      .map((section): Row => [`${PROD}/${section}`, productionPage(section)]),
    [`${PROD}/breakdown/sequences/${SEQUENCE}`, productionPage('breakdown', { sequenceId: SEQUENCE })],
    [`${PROD}/breakdown/sequences/all`, productionPage('breakdown', { sequenceId: 'all' })],
    [`${PROD}/breakdown/asset-types/${ASSET_TYPE}`, productionPage('breakdown', { assetTypeId: ASSET_TYPE })],
    [`${PROD}/plugins/render_farm`, productionPage('plugins', { pluginId: 'render_farm' })],
    [`${PROD}/playlists`, { kind: 'playlists', productionId: PRODUCTION, query: NO_QUERY }],
    [
      `${PROD}/playlists/${PLAYLIST}`,
      { kind: 'playlists', productionId: PRODUCTION, playlistId: PLAYLIST, query: NO_QUERY },
    ],
    [`${PROD}/quota/month/2025`, productionPage('quota', { period: 'month', year: 2025 })],
    [
      `${PROD}/quota/month/2025/12/persons/${PERSON}`,
      productionPage('quota', { period: 'month', year: 2025, month: 12, personId: PERSON }),
    ],
    [`${PROD}/quota/week/2025`, productionPage('quota', { period: 'week', year: 2025 })],
    [
      `${PROD}/quota/week/2025/1/persons/${PERSON}`,
      productionPage('quota', { period: 'week', year: 2025, week: 1, personId: PERSON }),
    ],
    [`${PROD}/quota/day/2025/7`, productionPage('quota', { period: 'day', year: 2025, month: 7 })],
    [
      `${PROD}/quota/day/2025/7/14/persons/${PERSON}`,
      productionPage('quota', { period: 'day', year: 2025, month: 7, day: 14, personId: PERSON }),
    ],
  ];

  it.each(rows)('%s', (url, expected) => expectParsed(url, expected));
});

describe('parseKitsuUrl: task-type and task pages', () => {
  const rows: Row[] = [
    [`${PROD}/shots/task-types/${TASK_TYPE}`, taskTypePage('shot', 'list')],
    [`${PROD}/assets/task-types/${TASK_TYPE}/schedule`, taskTypePage('asset', 'schedule')],
    [`${PROD}/edits/task-types/${TASK_TYPE}/estimation`, taskTypePage('edit', 'estimation')],
    [`${PROD}/sequences/task-types/${TASK_TYPE}`, taskTypePage('sequence', 'list')],
    // Task types of Episode entities (Kitsu route `episodes-task-type`).
    [`${PROD}/episodes/task-types/${TASK_TYPE}`, taskTypePage('episode', 'list')],
    [`${PROD}/episodes/task-types/${TASK_TYPE}/schedule`, taskTypePage('episode', 'schedule')],
    [`${PROD}/episodes/task-types/${TASK_TYPE}/estimation`, taskTypePage('episode', 'estimation')],
    [
      `${PROD}/shots/tasks/${TASK}`,
      { kind: 'task', productionId: PRODUCTION, entityType: 'shot', taskId: TASK, query: NO_QUERY },
    ],
    [
      `${PROD}/assets/tasks/${TASK}/previews/${PREVIEW}`,
      {
        kind: 'task',
        productionId: PRODUCTION,
        entityType: 'asset',
        taskId: TASK,
        previewId: PREVIEW,
        query: NO_QUERY,
      },
    ],
    [
      `${PROD}/episodes/tasks/${TASK}`,
      { kind: 'task', productionId: PRODUCTION, entityType: 'episode', taskId: TASK, query: NO_QUERY },
    ],
    // Task of an Episode entity (Kitsu routes `episode-episode-task` and its preview child).
    [
      `${PROD}/episodes/${EPISODE}/tasks/${TASK}`,
      {
        kind: 'task',
        productionId: PRODUCTION,
        episodeId: EPISODE,
        entityType: 'episode',
        taskId: TASK,
        query: NO_QUERY,
      },
    ],
    [
      `${PROD}/episodes/${EPISODE}/tasks/${TASK}/previews/${PREVIEW}`,
      {
        kind: 'task',
        productionId: PRODUCTION,
        episodeId: EPISODE,
        entityType: 'episode',
        taskId: TASK,
        previewId: PREVIEW,
        query: NO_QUERY,
      },
    ],
  ];

  it.each(rows)('%s', (url, expected) => expectParsed(url, expected));
});

describe.each([EPISODE, 'all', 'main'])('parseKitsuUrl: pages inside episode %s', (episodeId) => {
  const scope = { productionId: PRODUCTION, episodeId };
  const base = `${PROD}/episodes/${episodeId}`;
  const rows: Row[] = [
    ...entityRows(base, scope),
    ...(['asset-types', 'sequence-stats', 'breakdown', 'schedule', 'quota'] as const).map(
      (section): Row => [`${base}/${section}`, productionPage(section, {}, scope)],
    ),
    [`${base}/breakdown/sequences/all`, productionPage('breakdown', { sequenceId: 'all' }, scope)],
    [`${base}/breakdown/sequences/${SEQUENCE}`, productionPage('breakdown', { sequenceId: SEQUENCE }, scope)],
    [`${base}/breakdown/asset-types/${ASSET_TYPE}`, productionPage('breakdown', { assetTypeId: ASSET_TYPE }, scope)],
    [`${base}/playlists`, { kind: 'playlists', ...scope, query: NO_QUERY }],
    [`${base}/playlists/${PLAYLIST}`, { kind: 'playlists', ...scope, playlistId: PLAYLIST, query: NO_QUERY }],
    [`${base}/quota/month/2025`, productionPage('quota', { period: 'month', year: 2025 }, scope)],
    [
      `${base}/quota/month/2025/3/persons/${PERSON}`,
      productionPage('quota', { period: 'month', year: 2025, month: 3, personId: PERSON }, scope),
    ],
    [`${base}/quota/week/2025`, productionPage('quota', { period: 'week', year: 2025 }, scope)],
    [
      `${base}/quota/week/2025/10/persons/${PERSON}`,
      productionPage('quota', { period: 'week', year: 2025, week: 10, personId: PERSON }, scope),
    ],
    [`${base}/quota/day/2025/3`, productionPage('quota', { period: 'day', year: 2025, month: 3 }, scope)],
    [
      `${base}/quota/day/2025/3/31/persons/${PERSON}`,
      productionPage('quota', { period: 'day', year: 2025, month: 3, day: 31, personId: PERSON }, scope),
    ],
    [`${base}/plugins/render_farm`, productionPage('plugins', { pluginId: 'render_farm' }, scope)],
    [`${base}/shots/task-types/${TASK_TYPE}`, taskTypePage('shot', 'list', scope)],
    [`${base}/shots/task-types/${TASK_TYPE}/schedule`, taskTypePage('shot', 'schedule', scope)],
    [`${base}/assets/task-types/${TASK_TYPE}/estimation`, taskTypePage('asset', 'estimation', scope)],
    [`${base}/shots/tasks/${TASK}`, { kind: 'task', ...scope, entityType: 'shot', taskId: TASK, query: NO_QUERY }],
    [
      `${base}/sequences/tasks/${TASK}/previews/${PREVIEW}`,
      { kind: 'task', ...scope, entityType: 'sequence', taskId: TASK, previewId: PREVIEW, query: NO_QUERY },
    ],
  ];

  it.each(rows)('%s', (url, expected) => expectParsed(url, expected));
});

describe('parseKitsuUrl: unknown pages and bad ids fall back to other', () => {
  const unknownPaths = [
    '/',
    '/login',
    '/login/2fa',
    '/playlists/shared/abc123',
    '/productions/new',
    '/todos/done',
    '/plugins',
    `${PROD}`,
    `${PROD}/unknown-section`,
    `${PROD}/plugins`,
    `${PROD}/shots/${SHOT}/extra`,
    `${PROD}/shots/edit/${SHOT}`,
    `${PROD}/shots/task-types/${TASK_TYPE}/gantt`,
    // Sections that have no episode-scoped route in Kitsu.
    `${PROD}/episodes/${EPISODE}/concepts`,
    `${PROD}/episodes/${EPISODE}/team`,
    `${PROD}/episodes/${EPISODE}/episodes`,
    // Empty segments do not match any Kitsu route.
    `/productions//shots`,
    `${PROD}/shots//`,
    `//my-tasks`,
  ];
  const badIdPaths = [
    '/productions/not-a-uuid/shots',
    `/productions/${PRODUCTION}x/shots`,
    `/productions/${PRODUCTION.slice(0, -1)}/shots`,
    `/productions/${PRODUCTION.replaceAll('-', '')}/shots`,
    `${PROD}/shots/123`,
    `${PROD}/shots/sh010`,
    `${PROD}/assets/${ASSET}%20`,
    '/people/42',
    `${PROD}/playlists/latest`,
    `${PROD}/shots/tasks/${TASK}/previews/p1`,
    `${PROD}/shots/task-types/modeling`,
    // Entity types are only the five Kitsu has, in their plural form.
    `${PROD}/shot/tasks/${TASK}`,
    `${PROD}/characters/tasks/${TASK}`,
    `${PROD}/concepts/task-types/${TASK_TYPE}`,
    // Only real UUIDs and the pseudo-episodes 'all' / 'main' are episode scopes.
    `${PROD}/episodes/everything/shots`,
    `${PROD}/episodes/ALL/shots`,
    `${PROD}/episodes/ep01/shots/${SHOT}`,
    // Pseudo-episodes have no page and no tasks of their own.
    `${PROD}/episodes/all`,
    `${PROD}/episodes/main/tasks/${TASK}`,
    // Sub-page params: 'all' is only allowed for breakdown sequences; dates must be in range.
    `${PROD}/breakdown/asset-types/all`,
    `${PROD}/breakdown/sequences/sq010`,
    `${PROD}/quota/month/25`,
    `${PROD}/quota/month/2025/13/persons/${PERSON}`,
    `${PROD}/quota/week/2025/54/persons/${PERSON}`,
    `${PROD}/quota/day/2025/1/32/persons/${PERSON}`,
    `${PROD}/quota/day/2025/0`,
    `${PROD}/quota/year/2025`,
    `${PROD}/quota/month/2025/1/persons/someone`,
    '/timesheets/day/2024',
    `/project-templates/default`,
    '/plugins/bad%20name',
  ];

  it.each([...unknownPaths, ...badIdPaths])('%s', (path) => {
    expectParsed(path, { kind: 'other', url: path, query: NO_QUERY });
  });

  it('keeps the query of unknown pages', () => {
    expectParsed('/login?next=%2Fmy-tasks', {
      kind: 'other',
      url: '/login?next=%2Fmy-tasks',
      query: { extra: { next: '/my-tasks' } },
    });
  });
});

describe('parseKitsuUrl: input that is not a Kitsu http URL', () => {
  it.each([
    '',
    ' ',
    'not a url',
    'productions/6f1c2e3a-0b4d-4e5f-9a6b-7c8d9e0f1a2b/shots',
    'kitsu.example.com/my-tasks',
    'http://',
    'ftp://kitsu.example.com/my-tasks',
    'file:///my-tasks',
    'javascript:alert(1)//my-tasks',
    'about:blank',
    'chrome-extension://abcdef/my-tasks',
    'moz-extension://abcdef/my-tasks',
    'data:text/html,<a href="/my-tasks">',
  ])('%j', (input) => {
    expectParsed(input, { kind: 'other', url: input, query: NO_QUERY });
  });

  it('rejects a malformed percent-encoding without throwing', () => {
    const url = `${PROD}/shots/%E0%A4%A`;
    expectParsed(url, { kind: 'other', url, query: NO_QUERY });
  });

  it.each([null, undefined, 42, {}, ['/my-tasks'], Symbol('url')])('never throws on a non-string: %s', (input) => {
    const context = parseKitsuUrl(input as unknown as string);
    expect(context).toStrictEqual({ kind: 'other', url: '', query: NO_QUERY });
  });

  it('survives garbage options', () => {
    expectParsed('/my-tasks', { kind: 'my-tasks', query: NO_QUERY }, null as unknown as undefined);
  });
});

describe('parseKitsuUrl: URL forms', () => {
  it('accepts absolute http and https URLs and URL objects', () => {
    const expected = { kind: 'entity-list', productionId: PRODUCTION, entityType: 'shot', query: NO_QUERY };
    expectParsed(`https://kitsu.example.com${PROD}/shots`, expected);
    expectParsed(`http://localhost:8080${PROD}/shots`, expected);
    expect(parseKitsuUrl(new URL(`https://kitsu.example.com${PROD}/shots`))).toStrictEqual(expected);
  });

  it('reports a non-http URL object as other with its href', () => {
    const url = new URL('ftp://kitsu.example.com/my-tasks');
    expect(parseKitsuUrl(url)).toStrictEqual({ kind: 'other', url: url.href, query: NO_QUERY });
  });

  it('ignores one trailing slash', () => {
    expectParsed(`${PROD}/shots/`, {
      kind: 'entity-list',
      productionId: PRODUCTION,
      entityType: 'shot',
      query: NO_QUERY,
    });
    expectParsed('/my-checks/', { kind: 'my-checks', query: NO_QUERY });
    expectParsed(`${PROD}/shots/tasks/${TASK}/?search=x`, {
      kind: 'task',
      productionId: PRODUCTION,
      entityType: 'shot',
      taskId: TASK,
      query: { search: 'x', extra: {} },
    });
  });

  it('decodes URL-encoded segments', () => {
    const encodedId = SHOT.replaceAll('-', '%2D');
    expectParsed(`${PROD}/shots/${encodedId}`, {
      kind: 'entity',
      productionId: PRODUCTION,
      entityType: 'shot',
      entityId: SHOT,
      query: NO_QUERY,
    });
    expectParsed('/my%2Dchecks', { kind: 'my-checks', query: NO_QUERY });
    expectParsed(`${PROD}/plugins/render%5Ffarm`, productionPage('plugins', { pluginId: 'render_farm' }));
  });

  it('does not let an encoded slash split a segment', () => {
    const url = `/productions%2F${PRODUCTION}/shots`;
    expectParsed(url, { kind: 'other', url, query: NO_QUERY });
  });

  it('matches static segments case-insensitively, like Vue Router, and lowercases ids', () => {
    expectParsed(`/Productions/${PRODUCTION.toUpperCase()}/Episodes/${EPISODE.toUpperCase()}/SHOTS`, {
      kind: 'entity-list',
      productionId: PRODUCTION,
      episodeId: EPISODE,
      entityType: 'shot',
      query: NO_QUERY,
    });
  });

  it('ignores the fragment', () => {
    expectParsed('/my-tasks?section=done#top', {
      kind: 'my-tasks',
      section: 'done',
      query: { section: 'done', extra: {} },
    });
  });
});

describe('parseKitsuUrl: query', () => {
  it('reads search on list pages', () => {
    expectParsed(`${PROD}/episodes/all/shots?search=sq010%20layout`, {
      kind: 'entity-list',
      productionId: PRODUCTION,
      episodeId: 'all',
      entityType: 'shot',
      query: { search: 'sq010 layout', extra: {} },
    });
  });

  it('decodes + as a space, as Vue Router does', () => {
    expectParsed(`${PROD}/assets?search=hero+prop`, {
      kind: 'entity-list',
      productionId: PRODUCTION,
      entityType: 'asset',
      query: { search: 'hero prop', extra: {} },
    });
  });

  it('keeps other filters as a record', () => {
    expectParsed('/people?search=ann&department=anim&role=manager', {
      kind: 'studio-page',
      section: 'people',
      params: {},
      query: { search: 'ann', extra: { department: 'anim', role: 'manager' } },
    });
  });

  it('reads the My Tasks section', () => {
    expectParsed('/my-tasks?section=timesheets&search=lay', {
      kind: 'my-tasks',
      section: 'timesheets',
      query: { search: 'lay', section: 'timesheets', extra: {} },
    });
  });

  it('drops empty values, left behind by cleared filters', () => {
    expectParsed(`${PROD}/shots?search=&section=&flag`, {
      kind: 'entity-list',
      productionId: PRODUCTION,
      entityType: 'shot',
      query: NO_QUERY,
    });
    expectParsed('/my-tasks?section=', { kind: 'my-tasks', query: NO_QUERY });
  });

  it('keeps the first of repeated keys', () => {
    expectParsed(`${PROD}/shots?search=a&search=b&x=1&x=2`, {
      kind: 'entity-list',
      productionId: PRODUCTION,
      entityType: 'shot',
      query: { search: 'a', extra: { x: '1' } },
    });
  });

  it('stores prototype-looking keys as plain data', () => {
    const context = parseKitsuUrl('/my-checks?__proto__=x&constructor=y');
    expect(context.query.extra).toStrictEqual(JSON.parse('{"__proto__":"x","constructor":"y"}'));
    expect(Object.getPrototypeOf(context.query.extra)).toBe(Object.prototype);
  });
});

describe('parseKitsuUrl: basePath', () => {
  const shots = { kind: 'entity-list', productionId: PRODUCTION, entityType: 'shot', query: NO_QUERY };

  it.each(['/kitsu', '/kitsu/', 'kitsu', 'kitsu/'])('strips %j', (basePath) => {
    expectParsed(`https://studio.example.com/kitsu${PROD}/shots`, shots, { basePath });
  });

  it('strips a nested base path', () => {
    expectParsed(
      `/tools/kitsu/people/${PERSON}`,
      { kind: 'person', personId: PERSON, query: NO_QUERY },
      {
        basePath: '/tools/kitsu',
      },
    );
  });

  it('treats "/" and "" as no base path', () => {
    expectParsed(`${PROD}/shots`, shots, { basePath: '/' });
    expectParsed(`${PROD}/shots`, shots, { basePath: '' });
  });

  it.each([`${PROD}/shots`, `/kitsu2${PROD}/shots`, '/kitsu', '/other/kitsu/my-tasks'])(
    'reports %s outside the base path as other',
    (path) => {
      expectParsed(path, { kind: 'other', url: path, query: NO_QUERY }, { basePath: '/kitsu' });
    },
  );
});
