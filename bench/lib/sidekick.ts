// What the benchmark runs of Sidekick's own code in Node, loaded through Vite's module runner
// (bench/lib/load-sidekick.mjs): the plan executor with the real Kitsu client, the rule engine, and
// what the dock waits for on a page.

export { DEFAULT_AGENT_SETTINGS, registry, runRules } from '../../lib/agent';
export { contexts, NOW, snapshot, task } from '../../lib/agent/testing';
export { tasksOfLists } from '../../lib/bulk/selection';
export { anchorFor } from '../../lib/dock/anchors';
export { createKitsuClient } from '../../lib/kitsu';
export { parseKitsuUrl } from '../../lib/kitsu-routes';
export { createAuditLog, createJournal, executePlan } from '../../lib/plans';
