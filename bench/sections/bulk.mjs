// 2. "Comment and set status" on N tasks of the bench production, the same tasks each time, each
// flipped todo ⇄ wip by every run: a baseline script (one POST per task, in sequence, no checks) against
// Sidekick's plan executor (lib/plans/executor: a fresh precondition read per task, zou's
// comment-many route in batches, bounded concurrency) run in Node with the real Kitsu client
// (lib/kitsu) against the same zou, alternating runs. Requests are counted at the front door.
import { bearerRequests } from '../../test/e2e/support/stack.mjs';
import { figure } from '../lib/figures.mjs';
import { zouApiCpuSeconds } from '../lib/server-load.mjs';

export const BATCH_SIZE = 20;
const TEXT = 'Sidekick benchmark: status change with comment.';

/** The bulk task type's tasks in todo or wip, by shot name, each with the other of the two as its target. */
async function bulkRows(sidekick, client, production) {
  const { todo, wip } = production.statusIds;
  const shots = await client.shotsWithTasks(production.id);
  return sidekick
    .tasksOfLists(production.id, { shots })
    .filter((row) => row.taskTypeId === production.bulkTaskTypeId && [todo, wip].includes(row.statusId))
    .sort((a, b) => a.entityName.localeCompare(b.entityName))
    .map((row) => ({ ...row, to: row.statusId === todo ? wip : todo }));
}

/**
 * The first `count` tasks in one status and no other task of the type in it, so that the dock's panel,
 * filtering by type and current status, selects exactly them; the fewest tasks are changed to get
 * there, by an unmeasured executor run. Returns that status, the other one and the tasks.
 */
export async function arrangeForPanel(sidekick, stack, production, count, log) {
  const client = sidekick.createKitsuClient({ origin: stack.frontDoor, token: stack.bots.writer.token });
  const rows = await bulkRows(sidekick, client, production);
  const chosen = rows.slice(0, count);
  const rest = rows.slice(count);
  const { todo, wip } = production.statusIds;
  const changesFor = (status) => [
    ...chosen.filter((row) => row.statusId !== status).map((row) => ({ ...row, to: status })),
    ...rest.filter((row) => row.statusId === status).map((row) => ({ ...row, to: status === todo ? wip : todo })),
  ];
  const [from, changes] = [todo, wip]
    .map((status) => [status, changesFor(status)])
    .sort((a, b) => a[1].length - b[1].length)[0];
  if (changes.length > 0) {
    log(`bulk: ${changes.length} tasks changed first so the panel selects ${count} (not measured)`);
    await sidekickRun(sidekick, stack, production, changes, 8, log);
  }
  return { from, to: from === todo ? wip : todo, tasks: chosen };
}

/** Measures `work` (resolving to the number of tasks it changed) at the front door and on zou's CPU. */
async function measured(stack, work) {
  const requestsBefore = await bearerRequests(stack.frontDoor);
  const cpuBefore = zouApiCpuSeconds();
  const startedAt = performance.now();
  const changed = await work();
  const ms = performance.now() - startedAt;
  const cpuAfter = zouApiCpuSeconds();
  const requests = (await bearerRequests(stack.frontDoor)) - requestsBefore;
  return { ms, requests, changed, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/** What a simple script does: one comment request per task, one after the other. */
async function baselineRun(stack, tasks, log) {
  let changed = 0;
  for (const task of tasks) {
    const response = await fetch(`${stack.frontDoor}/api/actions/tasks/${task.taskId}/comment`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.bots.writer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ task_status_id: task.to, comment: TEXT }),
    });
    // Like the executor's failures: noted (in the count of tasks changed), not fatal to the run.
    if (response.ok) changed += 1;
    else log(`  baseline: ${task.entityName}: HTTP ${response.status} ${(await response.text()).slice(0, 120)}`);
  }
  return changed;
}

async function sidekickRun(sidekick, stack, production, tasks, concurrency, log) {
  const client = sidekick.createKitsuClient({ origin: stack.frontDoor, token: stack.bots.writer.token });
  // The plan the dock's "Comment and set status" proposes for these tasks (lib/plans/model).
  const plan = {
    id: `bench-${Date.now()}-${concurrency}`,
    title: `Comment and set status on ${tasks.length} tasks`,
    origin: { kind: 'bulk', id: 'comment-status' },
    createdAt: new Date().toISOString(),
    host: stack.frontDoor,
    projectId: production.id,
    operations: tasks.map((task, index) => ({
      id: `op-${index + 1}`,
      kind: 'comment',
      taskId: task.taskId,
      taskLabel: `${task.entityName} / Animation`,
      text: TEXT,
      statusBefore: task.statusId,
      statusAfter: task.to,
      preconditions: { statusId: task.statusId },
    })),
  };
  const report = await sidekick.executePlan(plan, {
    client,
    journal: sidekick.createJournal(),
    operator: 'Sidekick benchmark',
    concurrency,
    batchSize: BATCH_SIZE,
  });
  const { applied, skipped, failed } = report.progress;
  if (skipped + failed > 0) {
    // Kept as a figure's note rather than stopping the run: on an overloaded server some writes time out.
    const reasons = new Set(Object.values(report.items).flatMap((item) => (item.reason ? [item.reason] : [])));
    log(`  executor: ${applied} applied, ${skipped} skipped, ${failed} failed: ${[...reasons].join(' / ')}`);
  }
  return applied;
}

export async function benchBulk(sidekick, stack, production, { tasks: count, repeats, sweepTasks, log }) {
  const client = sidekick.createKitsuClient({ origin: stack.frontDoor, token: stack.bots.writer.token });
  const runs = { baseline: [], sidekick: [] };
  const once = async (kind, concurrency, size) => {
    const targets = (await bulkRows(sidekick, client, production)).slice(0, size);
    if (targets.length < size) throw new Error(`only ${targets.length} tasks to change, ${size} wanted`);
    const result = await measured(stack, () =>
      kind === 'baseline'
        ? baselineRun(stack, targets, log)
        : sidekickRun(sidekick, stack, production, targets, concurrency, log),
    );
    log(
      `bulk ${kind}${kind === 'sidekick' ? ` c=${concurrency}` : ''} on ${result.changed} tasks: ` +
        `${(result.ms / 1000).toFixed(1)} s, ${result.requests} requests, zou CPU ${result.cpu?.toFixed(1) ?? '?'} s`,
    );
    return result;
  };
  // Alternating, so a slow spell of the (shared) machine does not fall on one side only.
  for (let repeat = 0; repeat < repeats; repeat++) {
    runs.baseline.push(await once('baseline', 1, count));
    runs.sidekick.push(await once('sidekick', 4, count));
  }
  const sweep = {};
  for (const concurrency of [1, 4, 8]) sweep[concurrency] = await once('sidekick', concurrency, sweepTasks);

  const values = (list, key) => list.map((run) => run[key]);
  const applied = (list) => `tasks changed per run: ${values(list, 'changed').join(', ')} of ${count}`;
  const expected = Math.ceil(count / BATCH_SIZE) + count;
  const figures = [
    figure({
      id: 'bulk-baseline-time',
      section: 'bulk',
      label: `baseline script, ${count} tasks, 1 request per task in sequence: wall time`,
      unit: 's',
      values: values(runs.baseline, 'ms').map((ms) => ms / 1000),
      note: applied(runs.baseline),
    }),
    figure({
      id: 'bulk-sidekick-time',
      section: 'bulk',
      label: `Sidekick executor (Node, real client), ${count} tasks, concurrency 4, batch ${BATCH_SIZE}: wall time`,
      unit: 's',
      values: values(runs.sidekick, 'ms').map((ms) => ms / 1000),
      baseline: 'bulk-baseline-time',
      goal: '≥ 5× faster',
      note: applied(runs.sidekick),
    }),
    figure({
      id: 'bulk-baseline-requests',
      section: 'bulk',
      label: `baseline script, ${count} tasks: requests`,
      unit: 'requests',
      values: values(runs.baseline, 'requests'),
    }),
    figure({
      id: 'bulk-sidekick-requests',
      section: 'bulk',
      label: `Sidekick executor, ${count} tasks: requests (${Math.ceil(count / BATCH_SIZE)} writes + ${count} precondition reads)`,
      unit: 'requests',
      values: values(runs.sidekick, 'requests'),
      baseline: 'bulk-baseline-requests',
      goal: `≤ ${expected}`,
    }),
  ];
  if (runs.baseline.every((run) => run.cpu !== null) && runs.sidekick.every((run) => run.cpu !== null)) {
    figures.push(
      figure({
        id: 'bulk-baseline-cpu',
        section: 'bulk',
        label: `baseline script, ${count} tasks: zou API CPU time`,
        unit: 's',
        values: values(runs.baseline, 'cpu'),
      }),
      figure({
        id: 'bulk-sidekick-cpu',
        section: 'bulk',
        label: `Sidekick executor, ${count} tasks: zou API CPU time`,
        unit: 's',
        values: values(runs.sidekick, 'cpu'),
        baseline: 'bulk-baseline-cpu',
        ratioWords: ['less', 'more'],
      }),
    );
  }
  for (const [concurrency, run] of Object.entries(sweep)) {
    figures.push(
      figure({
        id: `bulk-sweep-c${concurrency}`,
        section: 'bulk',
        label: `Sidekick executor, ${sweepTasks} tasks, concurrency ${concurrency}: wall time (${run.requests} requests, zou CPU ${run.cpu?.toFixed(1) ?? '?'} s)`,
        unit: 's',
        values: [run.ms / 1000],
        baseline: concurrency === '1' ? undefined : 'bulk-sweep-c1',
      }),
    );
  }
  return figures;
}
