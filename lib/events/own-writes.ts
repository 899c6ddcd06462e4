/**
 * Sidekick's own running jobs, and the live events their writes cause. Pure: no I/O, no clock.
 *
 * A bulk job of 1,000 items makes zou emit a few thousand events (comment:new, task:update,
 * task:status-changed ... one per write, each naming its task). Applied one by one, each would drop the
 * production's task lists and make every open dock re-read them: during a job the dock re-read the shot
 * list 78–153 times, doubling zou's load and slowing the job's own writes. The job knows its tasks, so
 * an event about them is held while it runs, and everything held is applied once when it ends.
 *
 * A change someone else makes to one of the job's tasks while it runs is held too: the panels show it
 * when the job ends, not before. That costs nothing in safety: the job checks each item on a fresh,
 * uncached read of Kitsu before writing it, and the dock's cache is dropped for every held event at
 * the end. Events about anything else (other tasks, shots, people) are applied at once as always.
 */
import { type EventEffect, type Invalidation, mergeInvalidations, mergeNotices, type TabNotice } from './invalidation';

interface RunningJob {
  origin: string;
  taskIds: ReadonlySet<string>;
  held: EventEffect[];
}

/** What a job's end applies: the held events' invalidations as one, and one notice per production. */
export interface Released {
  origin: string;
  invalidation: Invalidation;
  notices: TabNotice[];
  heldEvents: number;
}

const TASK_TAG = 'task:';

/**
 * Whether an event is about the job's tasks only: it names at least one task, and every task it names
 * is one of them. Events of global data (statuses, people) are never the job's.
 */
export function isAboutTasks(effect: EventEffect, taskIds: ReadonlySet<string>): boolean {
  if (effect.scope !== 'project') return false;
  const tasks = effect.invalidation.tags.filter((tag) => tag.startsWith(TASK_TAG));
  return tasks.length > 0 && tasks.every((tag) => taskIds.has(tag.slice(TASK_TAG.length)));
}

export function createOwnWrites() {
  const jobs = new Map<string, RunningJob>();
  return {
    /** A job of `origin` starts writing on these tasks (again, after a pause or a worker restart). */
    begin(jobKey: string, origin: string, taskIds: Iterable<string>): void {
      const held = jobs.get(jobKey)?.held ?? [];
      jobs.set(jobKey, { origin, taskIds: new Set(taskIds), held });
    },
    /** True when a running job of `origin` wrote what the event says: it is kept for the job's end. */
    hold(origin: string, effect: EventEffect): boolean {
      for (const job of jobs.values()) {
        if (job.origin === origin && isAboutTasks(effect, job.taskIds)) {
          job.held.push(effect);
          return true;
        }
      }
      return false;
    },
    /** The job ended: what it held, merged; null when nothing was held (or the job is unknown). */
    end(jobKey: string): Released | null {
      const job = jobs.get(jobKey);
      jobs.delete(jobKey);
      if (!job || job.held.length === 0) return null;
      return {
        origin: job.origin,
        invalidation: mergeInvalidations(job.held.map((effect) => effect.invalidation)),
        notices: mergeNotices(job.held.map((effect) => effect.notice)),
        heldEvents: job.held.length,
      };
    },
    running: () => jobs.size,
  };
}
export type OwnWrites = ReturnType<typeof createOwnWrites>;
