// The agent against a session: reads what the rules need through the session's cache and runs them.
// Panels read with 'swr' (a later visit of the same production costs no request); a plan to review
// is recomputed from 'fresh' task data, as bulk plans are. The thresholds are the options page's.
import type { ReadMode } from '../cache';
import type { Session } from '../connections/session';
import { readHostWorkflow } from '../connections/workflow-settings';
import { isTaskPage } from '../kitsu-routes';
import { addDays, todayOf } from '../shared/dates';
import { studioTimeZone } from '../workflow/host-settings';
import { type RunResult, runRules } from './engine';
import { type DecisionFeedState, readDecisionFeed } from './human-changes';
import { readAgentSettings } from './settings';
import { type AgentPageContext, buildAgentSnapshot, episodeOf } from './view';

/** How far ahead people's days off are read: workloads rarely weigh work due later. */
const DAY_OFF_HORIZON_DAYS = 183;

export async function runAgent(
  session: Session,
  context: AgentPageContext,
  { mode, now }: { mode: ReadMode; now: Date },
): Promise<RunResult & { decisionFeed: DecisionFeedState }> {
  const { reads } = session;
  const projectId = context.productionId;
  const episodeId = episodeOf(context);
  const workflow = await readHostWorkflow(session.connection.origin);
  // Workloads look half a year ahead at most; a token Kitsu refuses days off to counts every working day.
  const today = todayOf(now, studioTimeZone(workflow));
  const [settings, dayOffs, project, authenticated, shots, assets, statuses, taskTypes, persons, departments, thread] =
    await Promise.all([
      readAgentSettings(),
      reads.dayOffs('swr', projectId, today, addDays(today, DAY_OFF_HORIZON_DAYS)).catch(() => ({})),
      reads.project('swr', projectId),
      reads.authenticated('swr').catch(() => null),
      reads.shotsWithTasks(mode, projectId, episodeId),
      reads.assetsWithTasks(mode, projectId, episodeId),
      reads.taskStatuses('swr'),
      reads.taskTypes('swr'),
      reads.persons('swr'),
      reads.departments('swr'),
      isTaskPage(context) ? reads.taskComments(mode, context.taskId) : Promise.resolve(null),
    ]);
  const snapshot = buildAgentSnapshot({
    host: session.connection.origin,
    project,
    authenticated,
    shots,
    assets,
    statuses,
    taskTypes,
    persons,
    departments,
    workflow,
    dayOffs,
    ...(thread && isTaskPage(context) ? { comments: { [context.taskId]: thread } } : {}),
  });
  const feed = await readDecisionFeed(session, snapshot, {
    projectId,
    now,
    windowDays: settings.recentHumanChangeDays,
  });
  return {
    ...runRules(context, feed.available ? { ...snapshot, recentChanges: feed.recentChanges } : snapshot, settings, now),
    decisionFeed: feed.available ? { available: true } : feed,
  };
}
