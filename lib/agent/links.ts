// Links from a suggestion's evidence to the Kitsu pages of its tasks: the inverse of the task routes
// lib/kitsu-routes parses (`/productions/:id[/episodes/:episodeId]/:entityTypes/tasks/:taskId`).
import type { AgentTask } from './types';

/** A task of the evidence as the dock shows it: a name and its Kitsu page. */
export interface TaskLink {
  taskId: string;
  label: string;
  url: string;
}

/**
 * The Kitsu page of a task. Shots of a TV show live in their episode; a task without one (an asset of
 * the main pack, a feature film) opens in the episode scope the person is looking at, if any.
 */
export function taskPageUrl(
  origin: string,
  task: Pick<AgentTask, 'projectId' | 'taskId' | 'entityType' | 'episodeId'>,
  pageEpisode?: string,
): string {
  const episode = task.episodeId ?? pageEpisode;
  const path = [
    'productions',
    task.projectId,
    ...(episode ? ['episodes', episode] : []),
    `${task.entityType}s`,
    'tasks',
    task.taskId,
  ];
  return new URL(`/${path.map(encodeURIComponent).join('/')}`, origin).href;
}
