import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bulkChoices, bulkSelection } from '../../lib/bulk/service';
import type { Session } from '../../lib/connections/session';
import { HOST, listTask, scope, shot } from './bulk-fixtures';

// Counts how often the service flattens a list, selects from its rows and labels a selection: work done
// again only when an answer is not kept.
const counted = vi.hoisted(() => ({ rows: 0, selections: 0, labels: 0 }));
vi.mock('../../lib/bulk/selection', async (original) => {
  const actual = await original<typeof import('../../lib/bulk/selection')>();
  return {
    ...actual,
    tasksOfLists: (...args: Parameters<typeof actual.tasksOfLists>) => {
      counted.rows++;
      return actual.tasksOfLists(...args);
    },
    selectTasks: (...args: Parameters<typeof actual.selectTasks>) => {
      counted.selections++;
      return actual.selectTasks(...args);
    },
  };
});
vi.mock('../../lib/bulk/labels', async (original) => {
  const actual = await original<typeof import('../../lib/bulk/labels')>();
  return {
    ...actual,
    selectionLabels: (...args: Parameters<typeof actual.selectionLabels>) => {
      counted.labels++;
      return actual.selectionLabels(...args);
    },
  };
});

/** A session whose reads hand out the same objects until `replaceShots`, as the cache does. */
function cachedSession() {
  let shots = [shot('sh010', 'sq1', [listTask('t1')]), shot('sh020', 'sq2', [listTask('t2', { assignees: [] })])];
  const taskTypes = [{ id: 'tt-layout', name: 'Layout', department_id: 'dep-layout' }];
  const statuses = [{ id: 'st-todo', name: 'Todo', short_name: 'todo', is_done: false, is_wip: false }];
  const persons = [{ id: 'ana', full_name: 'Ana Lima', active: true }];
  const project = { id: 'p1', name: 'Fox Tales', team: ['ana'] };
  const departments: never[] = [];
  const authenticated = { user: { id: 'bot', role: 'supervisor', departments: [] } };
  const reads = {
    authenticated: async () => authenticated,
    project: async () => project,
    shotsWithTasks: async () => shots,
    assetsWithTasks: async () => [],
    taskTypes: async () => taskTypes,
    taskStatuses: async () => statuses,
    persons: async () => persons,
    departments: async () => departments,
  };
  const session = { connection: { origin: HOST }, client: {}, reads } as unknown as Session;
  return {
    session,
    replaceShots: (next: typeof shots) => {
      shots = next;
    },
  };
}

beforeEach(() => {
  Object.assign(counted, { rows: 0, selections: 0, labels: 0 });
});

describe('bulk service on unchanged reads', () => {
  it('answers the count and the choices once while the cache hands out the same list', async () => {
    const { session } = cachedSession();
    const first = await bulkSelection(session, scope, { assignee: 'ana' });
    const choices = await bulkChoices(session, scope);
    expect(await bulkSelection(session, scope, { assignee: 'ana' })).toBe(first);
    expect(await bulkChoices(session, scope)).toBe(choices);
    expect(first.sample).toEqual(['SQ1 / SH010 / Layout']);
    expect(counted).toEqual({ rows: 2, selections: 1, labels: 1 });
  });

  it('counts again under other filters', async () => {
    const { session } = cachedSession();
    await bulkSelection(session, scope, { assignee: 'ana' });
    const unassigned = await bulkSelection(session, scope, { assignee: 'unassigned' });
    expect(unassigned.sample).toEqual(['SQ2 / SH020 / Layout']);
    expect(counted).toEqual({ rows: 2, selections: 2, labels: 2 });
  });

  it('counts a new list read (after an event) anew', async () => {
    const { session, replaceShots } = cachedSession();
    expect((await bulkSelection(session, scope, { assignee: 'ana' })).count).toBe(1);
    replaceShots([shot('sh010', 'sq1', [listTask('t1')]), shot('sh020', 'sq2', [listTask('t2')])]);
    const after = await bulkSelection(session, scope, { assignee: 'ana' });
    expect(after.count).toBe(2);
    expect(after.sample).toEqual(['SQ1 / SH010 / Layout', 'SQ2 / SH020 / Layout']);
    expect(counted).toEqual({ rows: 2, selections: 2, labels: 2 });
  });
});
