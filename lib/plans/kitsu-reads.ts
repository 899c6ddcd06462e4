// The executor's reads of Kitsu in batches: fresh task rows for the precondition checks of a batch of
// items (one list read, not one GET per task), and the comments a job posted, read back from the
// production's comment feed to count what Kitsu holds and to find copies it received twice.
import type { Comment, Task } from '../kitsu';
import type { PlanClient } from './steps';

/** zou's gunicorn refuses request lines over 4 KB; 80 task ids in a JSON list stay well under it. */
export const TASKS_PER_READ = 80;
/** Comments per page of the production's comment feed. */
export const COMMENTS_PER_PAGE = 1000;
/** Beyond this many pages, the feed is left for per-task reads (a production far busier than the job). */
const MAX_COMMENT_PAGES = 40;

/** The tasks Kitsu has now, by id; a task missing from the map no longer exists (or may not be read). */
export async function readTasks(
  client: Pick<PlanClient, 'tasksByIds'>,
  taskIds: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, Task>> {
  const unique = [...new Set(taskIds)];
  const found = new Map<string, Task>();
  for (let start = 0; start < unique.length; start += TASKS_PER_READ) {
    const rows = await client.tasksByIds(unique.slice(start, start + TASKS_PER_READ), { signal });
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

/**
 * Every comment of the production updated since `since` (zou's feed is ordered by last update, newest
 * first; a comment created after `since` was updated after it too). `complete` is false when the feed was
 * longer than this reader goes: callers then read the tasks they care about one by one.
 */
export async function readCommentsSince(
  client: Pick<PlanClient, 'projectComments'>,
  projectId: string,
  since: string,
): Promise<{ comments: Comment[]; complete: boolean }> {
  const comments: Comment[] = [];
  for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
    const { data, nb_pages } = await client.projectComments(projectId, { page, limit: COMMENTS_PER_PAGE });
    const recent = data.filter((comment) => (comment.updated_at ?? comment.created_at) >= since);
    comments.push(...recent);
    if (recent.length < data.length || page >= nb_pages) return { comments, complete: true };
  }
  return { comments, complete: false };
}
