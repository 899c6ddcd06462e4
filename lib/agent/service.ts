// The agent against a session: reads what the rules need through the session's cache and runs them.
// Panels read with 'swr' (a later visit of the same production costs no request); a plan to review
// is recomputed from 'fresh' task data, as bulk plans are. The thresholds are the options page's.
import type { ReadMode } from '../cache';
import type { Session } from '../connections/session';
import { type RunResult, runRules } from './engine';
import { readAgentSettings } from './settings';
import { type AgentPageContext, buildAgentSnapshot, episodeOf } from './view';

export async function runAgent(
  session: Session,
  context: AgentPageContext,
  { mode, now }: { mode: ReadMode; now: Date },
): Promise<RunResult> {
  const { reads } = session;
  const projectId = context.productionId;
  const episodeId = episodeOf(context);
  const [settings, project, authenticated, shots, assets, statuses, taskTypes, persons, departments, thread] =
    await Promise.all([
      readAgentSettings(),
      reads.project('swr', projectId),
      reads.authenticated('swr').catch(() => null),
      reads.shotsWithTasks(mode, projectId, episodeId),
      reads.assetsWithTasks(mode, projectId, episodeId),
      reads.taskStatuses('swr'),
      reads.taskTypes('swr'),
      reads.persons('swr'),
      reads.departments('swr'),
      context.kind === 'task' ? reads.taskComments(mode, context.taskId) : Promise.resolve(null),
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
    ...(thread && context.kind === 'task' ? { comments: { [context.taskId]: thread } } : {}),
  });
  return runRules(context, snapshot, settings, now);
}
