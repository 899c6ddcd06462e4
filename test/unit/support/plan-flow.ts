import { type setupFlow, until } from '../../../lib/plans/testing/flow-harness';

type Flow = ReturnType<ReturnType<typeof setupFlow>['startWorker']>;

/** Confirms a plan and waits until its job is done; gives the job's status then. */
export async function executeToDone(flow: Flow, planId: string) {
  await flow.execute(planId);
  await until(async () => (await flow.status(planId)).state === 'done');
  return flow.status(planId);
}
