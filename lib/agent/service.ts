// The agent against a session: reads what the rules need through the session's cache and runs them.
// Panels read with 'swr' (a later visit of the same production costs no request); a plan to review
// is recomputed from 'fresh' task data, as bulk plans are. The thresholds are the options page's.
import type { ReadMode } from '../cache';
import type { Session } from '../connections/session';
import { readHostWorkflow } from '../connections/workflow-settings';
import { isTaskPage } from '../kitsu-routes';
import { addDays, todayOf } from '../shared/dates';
import { allProperties } from '../shared/promises';
import { studioTimeZone } from '../workflow/host-settings';
import { type RunResult, runRules } from './engine';
import { type DecisionFeed, type DecisionFeedState, readDecisionFeed } from './human-changes';
import { readAgentSettings } from './settings';
import type { AgentSettings } from './types';
import { type AgentPageContext, buildAgentSnapshot, episodeOf, type SnapshotSources, viewerOf } from './view';

/** How far ahead people's days off are read: workloads rarely weigh work due later. */
const DAY_OFF_HORIZON_DAYS = 183;

/**
 * What the rules of a page are run on, as read. `identity` is what their result depends on: the reads
 * themselves (the cache gives the same objects while nothing changed them) and the settings' text. The
 * snapshot is built by runAgentOn, only when the rules run: flattening 75,000 tasks took 100 ms or more
 * of the worker on every navigation, for a view the handler then found kept.
 */
export interface AgentSources {
  snapshotSources: SnapshotSources;
  settings: AgentSettings;
  feed: DecisionFeed;
  identity: readonly unknown[];
}

export async function readAgentSources(
  session: Session,
  context: AgentPageContext,
  { mode, now }: { mode: ReadMode; now: Date },
): Promise<AgentSources> {
  const { reads } = session;
  const projectId = context.productionId;
  const episodeId = episodeOf(context);
  const workflow = await readHostWorkflow(session.connection.origin);
  // Workloads look half a year ahead at most; a token Kitsu refuses days off to counts every working day.
  const today = todayOf(now, studioTimeZone(workflow));
  const settingsRead = readAgentSettings();
  const authenticatedRead = reads.authenticated('swr').catch(() => null);
  const personsRead = reads.persons('swr');
  // The event log is read beside the task lists, not after them: after a worker restart or on a remote
  // Kitsu, a panel would otherwise wait for one more round trip.
  const feedRead = Promise.all([settingsRead, authenticatedRead, personsRead]).then(
    ([settings, authenticated, persons]) =>
      readDecisionFeed(
        session,
        { viewer: viewerOf(authenticated), persons },
        { projectId, now, windowDays: settings.recentHumanChangeDays, mode },
      ),
  );
  const [settings, feed, thread, sources] = await Promise.all([
    settingsRead,
    feedRead,
    isTaskPage(context) ? reads.taskComments(mode, context.taskId) : Promise.resolve(null),
    allProperties({
      dayOffs: reads.dayOffs('swr', projectId, today, addDays(today, DAY_OFF_HORIZON_DAYS)).catch(() => ({})),
      project: reads.project('swr', projectId),
      authenticated: authenticatedRead,
      shots: reads.shotsWithTasks(mode, projectId, episodeId),
      assets: reads.assetsWithTasks(mode, projectId, episodeId),
      statuses: reads.taskStatuses('swr'),
      taskTypes: reads.taskTypes('swr'),
      persons: personsRead,
      departments: reads.departments('swr'),
    }),
  ]);
  const snapshotSources: SnapshotSources = {
    host: session.connection.origin,
    workflow,
    ...sources,
    ...(thread && isTaskPage(context) ? { comments: { [context.taskId]: thread } } : {}),
  };
  const texts = JSON.stringify([workflow, settings]);
  return {
    snapshotSources,
    settings,
    feed,
    identity: [texts, thread, feed.available ? feed.log : feed.reason, ...Object.values(sources)],
  };
}

/** The rules on what was read for the page. */
export function runAgentOn(
  context: AgentPageContext,
  { snapshotSources, settings, feed }: AgentSources,
  now: Date,
): RunResult & { decisionFeed: DecisionFeedState } {
  const snapshot = buildAgentSnapshot(snapshotSources);
  return {
    ...runRules(context, feed.available ? { ...snapshot, recentChanges: feed.recentChanges } : snapshot, settings, now),
    decisionFeed: feed.available ? { available: true } : feed,
  };
}
