// What the confirm window is told about a plan's job: its state, its progress and each item, counted
// from what Kitsu holds once the job ended and was read back, from the journal before that.
import type { PlanStatus } from '../messaging/protocol';
import type { Progress } from './executor';
import type { Job, KitsuReport } from './journal';
import type { Plan } from './model';
import { buildUndoPlan } from './undo';

export function jobStatus(
  plan: Plan,
  job: Job | undefined,
  live: Progress | undefined,
  kitsu: KitsuReport | undefined,
  now: Date,
): PlanStatus {
  const operations = new Map(plan.operations.map((op) => [op.id, op]));
  const items = job
    ? Object.entries(job.items).map(([operationId, item]) => ({
        taskId: operations.get(operationId)?.taskId,
        taskLabel: operations.get(operationId)?.taskLabel ?? operationId,
        state: item.state,
        reason: item.reason ?? null,
      }))
    : [];
  const undo = job && !live ? buildUndoPlan(job, { id: 'preview', now }) : null;
  const counted = (state: string) => items.filter((item) => item.state === state).length;
  const total = plan.operations.length;
  const progress: Progress =
    live ??
    (kitsu
      ? {
          done: kitsu.applied + kitsu.skipped + kitsu.failed,
          total,
          applied: kitsu.applied,
          skipped: kitsu.skipped,
          failed: kitsu.failed,
        }
      : {
          done: items.filter((item) => item.state !== 'pending' && item.state !== 'started').length,
          total,
          applied: counted('applied'),
          skipped: counted('skipped'),
          failed: counted('failed'),
        });
  return {
    state: live ? 'running' : (job?.status ?? 'pending'),
    progress,
    items,
    readBack:
      kitsu && !live
        ? { checkedAt: kitsu.checkedAt, duplicatesRemoved: kitsu.duplicatesRemoved, mismatches: kitsu.mismatches }
        : null,
    undoable: undo?.plan != null,
    notUndoable: undo?.notUndoable ?? [],
  };
}
