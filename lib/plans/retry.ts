// "Retry failed…": before the failed items of a job are offered again as a new plan, Kitsu is read: an
// item whose write landed after all (a slow answer) is recorded as applied, not written a second time.
import { t } from '../i18n/pure';
import type { Job, Journal } from './journal';
import type { Operation } from './model';
import { type PlanClient, readBack, type StepContext } from './steps';

export async function settleFailed(
  job: Job,
  run: { client: PlanClient; journal: Journal; publish: StepContext['publish']; now: () => Date },
): Promise<{ again: Operation[]; foundApplied: number }> {
  const context: StepContext = {
    client: run.client,
    jobId: job.jobId,
    projectId: job.plan.projectId,
    operator: job.operator,
    markerTemplate: job.markerTemplate,
    publish: run.publish,
    recorded: (op) => job.items[op.id]?.result,
  };
  const again: Operation[] = [];
  let foundApplied = 0;
  for (const op of job.plan.operations.filter((candidate) => job.items[candidate.id]?.state === 'failed')) {
    const seen = await readBack(op, context);
    if (seen.landed) {
      foundApplied += 1;
      await run.journal.setItem(job.jobId, op.id, {
        state: 'applied',
        result: seen.result,
        reason: t('errorLandedWhenRetrying'),
        at: run.now().toISOString(),
      });
    } else if (!seen.partial) again.push(op);
  }
  return { again, foundApplied };
}
