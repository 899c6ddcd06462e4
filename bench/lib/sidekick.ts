// What the benchmark runs of Sidekick's own code in Node, loaded through Vite's module runner
// (bench/lib/load-sidekick.mjs): the plan executor with the real Kitsu client, and the rule engine.

export { DEFAULT_AGENT_SETTINGS, registry, runRules } from '../../lib/agent';
export { contexts, NOW, snapshot, task } from '../../lib/agent/testing';
export { tasksOfLists } from '../../lib/bulk/selection';
export { createKitsuClient } from '../../lib/kitsu';
export { executePlan } from '../../lib/plans/executor';
export { createJournal } from '../../lib/plans/journal';
