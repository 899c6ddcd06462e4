import { describe, expect, it, vi } from 'vitest';
import { createBulkHandlers } from '../../lib/bulk/handlers';
import { HOST, PRODUCTION, session } from './bulk-fixtures';
import { answered, from, guardsFor, refused, routeTo } from './handler-harness';

const SHOTS = `${HOST}/productions/${PRODUCTION}/shots`;
const tab = { ...from.kitsuTab, url: SHOTS };
const NOW = new Date('2026-11-25T10:00:00Z');

function setup(role = 'supervisor') {
  const propose = vi.fn(async () => ({ planId: 'plan-7', operationCount: 1 }));
  const handlers = createBulkHandlers({
    guards: guardsFor(session(role).session),
    flow: { propose },
    newId: () => 'plan-7',
    now: () => NOW,
  });
  return { propose, route: routeTo(handlers) };
}

describe('bulk handlers', () => {
  it('counts the page’s tasks the filters select', async () => {
    const { route } = setup();
    expect(await route({ type: 'bulk/select', url: SHOTS, filter: { assignee: 'unassigned' } }, tab)).toEqual(
      answered({ count: 1, sample: ['SQ2 / SH020 / Layout'], warnings: [] }),
    );
  });

  it('builds the plan from fresh data and opens it for confirmation, nothing written', async () => {
    const { route, propose } = setup();
    const request = {
      type: 'bulk/propose',
      url: SHOTS,
      operationId: 'set-priority',
      filter: {},
      values: { priority: '2' },
    };
    expect(await route(request, tab)).toEqual(answered({ planId: 'plan-7', operationCount: 1 }));
    expect(propose).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'plan-7', host: HOST, createdAt: NOW.toISOString() }),
    );
    const [plan] = propose.mock.calls[0] as unknown as [{ operations: { kind: string; after: number }[] }];
    expect(plan.operations.map((op) => [op.kind, op.after])).toEqual([
      ['set-priority', 2],
      ['set-priority', 2],
    ]);
  });

  it('refuses, in words, what the role may not do and pages that are not lists', async () => {
    const { route, propose } = setup('user');
    const assign = { type: 'bulk/propose', url: SHOTS, operationId: 'assign', filter: {}, values: { personId: 'ben' } };
    expect(await route(assign, tab)).toEqual(refused('Sidekick’s Kitsu role cannot assign a person.'));
    const entity = `${SHOTS}/5a0700aa-2222-4333-9444-555566667777`;
    expect(await route({ type: 'bulk/choices', url: entity }, { ...tab, url: entity })).toEqual(
      refused('Bulk helpers work on shot and asset lists and task-type pages.'),
    );
    expect(propose).not.toHaveBeenCalled();
  });
});
