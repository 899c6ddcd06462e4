// 5. The rule engine (every rule of lib/agent on a shots list) over generated productions of
// growing size: how its time grows with the number of tasks. Pure Node, no server.
import { performance } from 'node:perf_hooks';
import { createRandom } from '../../scripts/lib/prng.mjs';
import { figure, summarise } from '../lib/figures.mjs';
import { sizeTag } from '../lib/options.mjs';

const DAY_MS = 86_400_000;
const median = (values) => summarise(values).median;
const TASK_TYPES = ['layout', 'anim', 'light', 'comp', 'fx'];
const ASSIGNABLE = ['ana', 'ben', 'dan', 'cleo'];
const STATUS_WEIGHTS = { todo: 45, wip: 20, wfa: 15, retake: 8, done: 12 };
/** Issue #21's goal: every rule on a 75,000-task production within 1.5 s. */
const GOAL = { tasks: 75_000, maxMs: 1_500 };

/** A production of `count` tasks, five per shot, with the mix of states the rules look for. */
export function generatedTasks(sidekick, count, seed = 11) {
  const random = createRandom(seed);
  const day = (offset) => new Date(sidekick.NOW.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, index) => {
    const shot = Math.floor(index / TASK_TYPES.length);
    const status = random.weighted(STATUS_WEIGHTS);
    const due = random.chance(0.8) ? random.int(-20, 40) : null;
    return sidekick.task({
      taskId: `t${index}`,
      entityId: `shot-${shot}`,
      entityName: `SH${String(shot * 10).padStart(5, '0')}`,
      sequenceName: `SQ${String(Math.floor(shot / 50) * 10).padStart(3, '0')}`,
      taskTypeId: TASK_TYPES[index % TASK_TYPES.length],
      statusId: status,
      assigneeIds: random.chance(status === 'todo' ? 0.6 : 0.95) ? [random.pick(ASSIGNABLE)] : [],
      dueDate: due === null ? null : day(due),
      startDate: due === null ? null : day(due - random.int(3, 15)),
      estimation: random.chance(0.65) ? random.int(1, 12) * 240 : null,
      priority: Number(random.weighted({ 0: 80, 1: 10, 2: 6, 3: 4 })),
      lastCommentDate: status === 'todo' ? null : day(-random.int(0, 20)),
      retakeCount: status === 'retake' ? random.int(1, 4) : 0,
      realStartDate: status === 'todo' ? null : day(-random.int(5, 30)),
    });
  });
}

/** `repeats` on the first size; larger ones run once. */
export async function benchRules(sidekick, { sizes, repeats, log }) {
  const figures = [];
  for (const size of sizes) {
    const data = sidekick.snapshot(generatedTasks(sidekick, size));
    const times = [];
    let suggestions = 0;
    const runs = size === sizes[0] ? repeats : 1;
    // One unmeasured run first: the JIT's first pass is not what a panel refresh costs.
    if (runs > 1) sidekick.runRules(sidekick.contexts.shots, data, sidekick.DEFAULT_AGENT_SETTINGS, sidekick.NOW);
    for (let repeat = 0; repeat < runs; repeat++) {
      const startedAt = performance.now();
      const result = sidekick.runRules(sidekick.contexts.shots, data, sidekick.DEFAULT_AGENT_SETTINGS, sidekick.NOW);
      times.push(performance.now() - startedAt);
      suggestions = result.suggestions.length;
      if (result.diagnostics.length > 0) throw new Error(`rule diagnostics: ${JSON.stringify(result.diagnostics)}`);
    }
    log(`rules on ${size} tasks: ${suggestions} suggestions, median ${median(times).toFixed(1)} ms`);
    const first = figures[0];
    const growth = first ? (median(times) / first.median).toFixed(1) : null;
    figures.push(
      figure({
        id: `rules-${sizeTag(size)}-ms`,
        section: 'rule engine',
        label: `all rules, shots list of ${size} tasks (${suggestions} suggestions)`,
        unit: 'ms',
        values: times,
        note: growth ? `${growth}× the time of ${sizes[0]} tasks for ${size / sizes[0]}× the tasks` : undefined,
        goal: size === GOAL.tasks ? { max: GOAL.maxMs } : undefined,
      }),
    );
  }
  return [...figures, ...perRule(sidekick, sizes[0])];
}

/** Each rule alone on the smallest size, once (the snapshot is validated every time: that share is shown too). */
function perRule(sidekick, size) {
  const data = sidekick.snapshot(generatedTasks(sidekick, size));
  const timed = (rules) => {
    const startedAt = performance.now();
    sidekick.runRules(sidekick.contexts.shots, data, sidekick.DEFAULT_AGENT_SETTINGS, sidekick.NOW, rules);
    return performance.now() - startedAt;
  };
  return [
    { id: 'validation', label: 'snapshot validation only (no rule)', ms: timed([]) },
    ...sidekick.registry.map((rule) => ({ id: rule.id, label: `${rule.id} rule alone`, ms: timed([rule]) })),
  ].map(({ id, label, ms }) =>
    figure({
      id: `rules-${sizeTag(size)}-${id}`,
      section: 'rule engine',
      label: `${size} tasks: ${label}`,
      unit: 'ms',
      values: [ms],
    }),
  );
}
