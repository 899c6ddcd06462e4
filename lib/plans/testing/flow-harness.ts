// A plan flow over the fake zou, as the background builds it: the unit tests of confirmation, exactly-once
// and resumption start "workers" on the same databases, as a restarted service worker does.
import { createStore, type UseStore } from 'idb-keyval';
import type { Session } from '../../connections/session';
import { createAuditLog } from '../audit';
import { createPlanFlow } from '../flow';
import { createJournal, type Journal } from '../journal';
import { DEFAULT_MARKER_TEMPLATE, hasMarker } from '../marker';
import { createFakeKitsu, type FakeKitsu } from './fake-kitsu';
import { BOT, fakeSeed, HOST, PERSONS, STATUSES, TASK_TYPES, type task } from './fixtures';

let storeCount = 0;

/** What a Session gives the flow, over the fake zou: enough to preview and run plans. */
function fakeSession(fake: FakeKitsu, tasks: ReturnType<typeof task>[]): Session {
  const shots = [...new Set(tasks.map((item) => item.entity_id))].map((id) => ({
    id,
    tasks: tasks.filter((item) => item.entity_id === id),
  }));
  const client = { ...fake.client, projectTeam: async () => PERSONS };
  const reads = {
    persons: async () => PERSONS,
    departments: async () => [],
    shotsWithTasks: async () => shots,
    assetsWithTasks: async () => [],
    authenticated: async () => ({ user: { id: BOT, role: 'manager', departments: [] } }),
    project: async () => ({ is_bot_collaboration_enabled: false }),
    taskTypes: async () => TASK_TYPES,
    taskStatuses: async () => STATUSES,
  };
  const cache = { invalidateTags: async () => {}, invalidateKind: async () => {} };
  return { client, reads, cache } as unknown as Session;
}

export function setupFlow(tasks: ReturnType<typeof task>[]) {
  storeCount += 1;
  const fake = createFakeKitsu(fakeSeed(tasks, { caller: { id: BOT, role: 'manager', departments: [] } }));
  const session = fakeSession(fake, tasks);
  const plans = createStore(`flow-plans-${storeCount}`, 'pending');
  const journalStore = createStore(`flow-journal-${storeCount}`, 'jobs');
  const auditStore = createStore(`flow-audit-${storeCount}`, 'records');
  /** Plan ids the flow opened a confirm window on, in order. */
  const opened: string[] = [];
  /** What the flow said of its jobs' writes (started, ended), in order, with the Kitsu writes between. */
  const jobWrites: string[] = [];
  const operator = { operatorName: 'Mina', markerTemplate: DEFAULT_MARKER_TEMPLATE };
  let clock = Date.parse('2026-11-20T10:00:00Z');
  let ids = 0;
  /** A background as a worker starts it: same databases, new objects. */
  const startWorker = (journal: Journal = createJournal(journalStore), store: UseStore = plans) =>
    createPlanFlow({
      sessionFor: async (origin) => (origin === HOST ? session : null),
      journal,
      audit: createAuditLog(auditStore),
      operator: async () => ({ ...operator }),
      openConfirm: async (planId) => {
        opened.push(planId);
      },
      jobWrites: {
        started: (jobId, host, taskIds) => jobWrites.push(`started ${jobId} ${host} ${taskIds.join(',')}`),
        ended: (jobId) => jobWrites.push(`ended ${jobId}`),
      },
      store,
      readBackPauseMs: 1,
      now: () => clock,
      newId: () => `id-${++ids}`,
    });
  return {
    fake,
    session,
    opened,
    jobWrites,
    /** The settings the next preview reads (who confirms, the marker). */
    operator,
    journalStore,
    plansStore: plans,
    audit: createAuditLog(auditStore),
    startWorker,
    later: (ms: number) => {
      clock += ms;
    },
  };
}

export async function until(condition: () => boolean | Promise<boolean>) {
  for (let tries = 0; tries < 400; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not reached');
}

export const sidekickComments = (fake: FakeKitsu, taskId: string) =>
  fake.comments(taskId).filter((comment) => hasMarker(comment.text));
