import { describe, expect, it } from 'vitest';
import {
  describeContext,
  isEntityPage,
  isEpisodeScoped,
  isKnownPage,
  isListPage,
  isMyTasksPage,
  isPlaylistPage,
  isProductionPage,
  isProductionSectionPage,
  isShotOrAssetList,
  isTaskPage,
  isTaskScopePage,
  isTaskTypePage,
  type PageContext,
  parseKitsuUrl,
  realEpisodeOf,
} from '../../lib/kitsu-routes';
import { EPISODE, PERSON, PLAYLIST, PREVIEW, PROD, SHOT, TASK, TASK_TYPE } from './support/kitsu-route-ids';

const PREDICATES = {
  isListPage,
  isEntityPage,
  isTaskTypePage,
  isTaskPage,
  isPlaylistPage,
  isMyTasksPage,
  isProductionPage,
  isEpisodeScoped,
  isKnownPage,
  isTaskScopePage,
  isShotOrAssetList,
  isProductionSectionPage,
} satisfies Record<string, (context: PageContext) => boolean>;

type PredicateName = keyof typeof PREDICATES;

describe('predicates', () => {
  const rows: [url: string, truePredicates: PredicateName[]][] = [
    [`${PROD}/shots`, ['isListPage', 'isProductionPage', 'isKnownPage', 'isTaskScopePage', 'isShotOrAssetList']],
    [
      `${PROD}/episodes/all/assets`,
      ['isListPage', 'isProductionPage', 'isEpisodeScoped', 'isKnownPage', 'isTaskScopePage', 'isShotOrAssetList'],
    ],
    [`${PROD}/sequences`, ['isListPage', 'isProductionPage', 'isKnownPage', 'isTaskScopePage']],
    [`${PROD}/shots/${SHOT}`, ['isEntityPage', 'isProductionPage', 'isKnownPage', 'isTaskScopePage']],
    [
      `${PROD}/shots/task-types/${TASK_TYPE}/schedule`,
      ['isTaskTypePage', 'isProductionPage', 'isKnownPage', 'isTaskScopePage', 'isShotOrAssetList'],
    ],
    [
      `${PROD}/episodes/${EPISODE}/shots/tasks/${TASK}`,
      ['isTaskPage', 'isProductionPage', 'isEpisodeScoped', 'isKnownPage', 'isTaskScopePage'],
    ],
    [`${PROD}/playlists/${PLAYLIST}`, ['isPlaylistPage', 'isProductionPage', 'isKnownPage']],
    [
      `${PROD}/episodes/main/schedule`,
      ['isProductionPage', 'isEpisodeScoped', 'isKnownPage', 'isProductionSectionPage'],
    ],
    ['/my-tasks?section=done', ['isMyTasksPage', 'isKnownPage']],
    [`/people/${PERSON}`, ['isKnownPage']],
    ['/timesheets', ['isKnownPage']],
    ['/login', []],
  ];

  it.each(rows)('%s', (url, truePredicates) => {
    const context = parseKitsuUrl(url);
    const actual = Object.entries(PREDICATES)
      .filter(([, predicate]) => predicate(context))
      .map(([name]) => name);
    expect(actual.sort()).toStrictEqual([...truePredicates].sort());
  });

  it('names the one episode a page narrows to, never the pseudo-episodes', () => {
    expect(realEpisodeOf(parseKitsuUrl(`${PROD}/episodes/${EPISODE}/shots`))).toBe(EPISODE);
    expect(realEpisodeOf(parseKitsuUrl(`${PROD}/episodes/all/shots`))).toBeUndefined();
    expect(realEpisodeOf(parseKitsuUrl(`${PROD}/episodes/main/assets`))).toBeUndefined();
    expect(realEpisodeOf(parseKitsuUrl(`${PROD}/shots`))).toBeUndefined();
    expect(realEpisodeOf(parseKitsuUrl('/my-tasks'))).toBeUndefined();
  });

  it('narrows the context type', () => {
    const context = parseKitsuUrl(`${PROD}/episodes/${EPISODE}/shots/tasks/${TASK}/previews/${PREVIEW}`);
    if (!isTaskPage(context)) throw new Error('expected a task page');
    expect([context.taskId, context.previewId, context.entityType]).toStrictEqual([TASK, PREVIEW, 'shot']);
    if (!isEpisodeScoped(context)) throw new Error('expected an episode scope');
    expect(context.episodeId).toBe(EPISODE);
  });
});

describe('describeContext', () => {
  const rows: [url: string, label: string][] = [
    [`${PROD}/shots`, 'Shots'],
    [`${PROD}/episodes/all/shots`, 'Shots · episode all'],
    [`${PROD}/episodes/main/assets?search=hero+prop`, 'Assets · episode main · search "hero prop"'],
    [`${PROD}/episodes/${EPISODE}/shots/${SHOT}`, 'Shot 5a0700aa · episode 1e2d3c4b'],
    [`${PROD}/episodes/${EPISODE}`, 'Episode 1e2d3c4b'],
    [`${PROD}/shots/task-types/${TASK_TYPE}`, 'Task type 7a5c7e00 (shots)'],
    [
      `${PROD}/episodes/all/assets/task-types/${TASK_TYPE}/estimation`,
      'Task type 7a5c7e00 (assets) · estimation · episode all',
    ],
    [`${PROD}/shots/tasks/${TASK}/previews/${PREVIEW}`, 'Task 7a5c0000 (shot) · preview 9e7e0000'],
    [`${PROD}/episodes/${EPISODE}/tasks/${TASK}`, 'Task 7a5c0000 (episode)'],
    [`${PROD}/playlists`, 'Playlists'],
    [`${PROD}/episodes/all/playlists/${PLAYLIST}`, 'Playlist 91a10000 · episode all'],
    [`${PROD}/asset-types`, 'Asset type stats'],
    [`${PROD}/production-settings`, 'Production settings'],
    [`${PROD}/episodes/all/breakdown/sequences/all`, 'Breakdown · episode all'],
    [`${PROD}/plugins/render_farm`, 'Plugin render_farm'],
    ['/my-tasks', 'My tasks'],
    ['/my-tasks?section=done', 'My tasks · done'],
    ['/my-checks', 'My checks'],
    ['/all-tasks?search=anim', 'All tasks · search "anim"'],
    ['/team-schedule', 'Team schedule'],
    [`/people/${PERSON}`, 'Person 9e750000'],
    ['/open-productions', 'Open productions'],
    ['/asset-types', 'Asset types'],
    ['/timesheets/month/2024', 'Timesheets'],
    ['/plugins/render_farm', 'Plugin render_farm'],
    ['/login', 'Unknown page'],
    [`${PROD}/shots?search=a%20very%20long%20search%20text%20indeed`, 'Shots · search "a very long search text…"'],
  ];

  it.each(rows)('%s → %s', (url, label) => {
    expect(describeContext(parseKitsuUrl(url))).toBe(label);
  });
});
