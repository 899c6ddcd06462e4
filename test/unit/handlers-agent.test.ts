import { describe, expect, it, vi } from 'vitest';
import { createDismissalStore, dismissalsKey } from '../../lib/agent/dismissals';
import { type RunResult, runRules } from '../../lib/agent/engine';
import { type AgentHandlerPorts, createAgentHandlers } from '../../lib/agent/handlers';
import type { AgentSources } from '../../lib/agent/service';
import { contexts, NOW, PROJECT, snapshot, task } from '../../lib/agent/testing';
import { answered, from, guardsFor, KITSU, refused, routeTo, sessionWith } from './handler-harness';

const SHOTS = `${KITSU}/productions/${PROJECT}/shots`;
const tab = { ...from.kitsuTab, url: SHOTS };
const data = [
  task({ taskId: 't1', dueDate: '2026-03-01', assigneeIds: ['ana'] }),
  task({ taskId: 't2', statusId: 'wfa', endDate: '2026-03-01' }),
];
const asSupervisor = runRules(contexts.shots, snapshot(data), {}, NOW);
const asArtist = runRules(
  contexts.shots,
  snapshot(data, { viewer: { personId: 'ana', role: 'user', departmentIds: [] } }),
  {},
  NOW,
);
const overdueOf = (result: RunResult) => result.suggestions.find((each) => each.ruleId === 'overdue');
const backlogOf = (result: RunResult) => result.suggestions.find((each) => each.ruleId === 'review-backlog');

function memoryArea() {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key: string) => ({ [key]: structuredClone(items[key]) }),
    // A write that takes a moment, as storage does: a second change must wait for it.
    set: async (values: Record<string, unknown>) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      Object.assign(items, structuredClone(values));
    },
  };
}

function setup(result: ReturnType<AgentHandlerPorts['runAgentOn']> = asSupervisor) {
  const area = memoryArea();
  const ports: AgentHandlerPorts = {
    guards: guardsFor(sessionWith()),
    readAgentSources: vi.fn(async () => ({ identity: ['the reads of this page'] }) as unknown as AgentSources),
    runAgentOn: vi.fn(() => result),
    dismissals: createDismissalStore(area),
    flow: { propose: vi.fn(async () => ({ planId: 'plan-1', operationCount: 1 })) },
    now: () => NOW,
    warn: vi.fn(),
  };
  return { ports, area, route: routeTo(createAgentHandlers(ports)) };
}

describe('agent handlers', () => {
  it('shows the page’s suggestions without those dismissed on this Kitsu', async () => {
    const { route, area } = setup();
    const overdue = overdueOf(asSupervisor);
    if (!overdue) throw new Error('the fixture has an overdue task');
    area.items[dismissalsKey(KITSU)] = { [overdue.id]: { until: 'forever' } };
    const answer = await route({ type: 'agent/suggestions', url: SHOTS }, tab);
    if (!answer.ok) throw new Error(answer.error.message);
    const shown = answer.data as { suggestions: { id: string }[]; hidden: number };
    expect(shown.suggestions.map((each) => each.id)).not.toContain(overdue.id);
    expect(shown.hidden).toBe(1);
  });

  it('says on the panel when Kitsu’s event log could not be read, so the human-decisions guard is not taken as working', async () => {
    const reason = 'Kitsu refused to show its event log to Sidekick’s token (403).';
    const unchecked = await setup({ ...asSupervisor, decisionFeed: { available: false, reason } }).route(
      { type: 'agent/suggestions', url: SHOTS },
      tab,
    );
    const checked = await setup({ ...asSupervisor, decisionFeed: { available: true } }).route(
      { type: 'agent/suggestions', url: SHOTS },
      tab,
    );
    expect([unchecked, checked].map((answer) => answer.ok && answer.data)).toMatchObject([
      { humanDecisionsUnchecked: reason },
      { humanDecisionsUnchecked: null },
    ]);
  });

  it('refuses pages without suggestions, and pages of another Kitsu than the tab’s', async () => {
    const { route } = setup();
    expect(await route({ type: 'agent/suggestions', url: `${KITSU}/my-tasks` }, tab)).toEqual(
      refused('Suggestions are made on production pages: lists, task types, entities, tasks.'),
    );
    expect(
      await route({ type: 'agent/suggestions', url: `https://other.example/productions/${PROJECT}/shots` }, tab),
    ).toEqual(refused('That page is not on this tab’s Kitsu.'));
  });

  it('counts every dismissal of quick clicks: one change at a time', async () => {
    const { route, area } = setup();
    await Promise.all(
      ['a', 'b', 'c'].map((suggestionId) =>
        route({ type: 'agent/dismiss', url: SHOTS, suggestionId, days: null }, tab),
      ),
    );
    expect(Object.keys(area.items[dismissalsKey(KITSU)] as object).sort()).toEqual(['a', 'b', 'c']);
  });

  it('opens a suggestion’s plan from fresh data, or says why not', async () => {
    const overdue = overdueOf(asSupervisor);
    const backlog = backlogOf(asSupervisor);
    if (!overdue || !backlog) throw new Error('the fixture has an overdue task and a review backlog');
    const review = (suggestionId: string) => ({ type: 'agent/review-plan', url: SHOTS, suggestionId }) as const;

    const { route, ports } = setup();
    expect(await route(review(overdue.id), tab)).toEqual(answered({ planId: 'plan-1', operationCount: 1 }));
    expect(ports.readAgentSources).toHaveBeenCalledWith(expect.anything(), expect.anything(), {
      mode: 'fresh',
      now: NOW,
    });
    expect(ports.flow.propose).toHaveBeenCalledWith(overdue.plan);
    expect(await route(review('gone'), tab)).toEqual(
      refused('This suggestion no longer applies: Kitsu changed since it was shown.'),
    );
    expect(await route(review(backlog.id), tab)).toEqual(
      refused('This suggestion is information only: it has no plan.'),
    );
    const artist = setup(asArtist);
    expect(await artist.route(review(overdue.id), tab)).toEqual(
      refused('Sidekick’s Kitsu role cannot run this plan (it needs supervisor).'),
    );
    expect(artist.ports.flow.propose).not.toHaveBeenCalled();
  });

  it('makes the view again only when a read, the dismissals, the page or a minute changed', async () => {
    const { route, ports } = setup();
    let now = NOW;
    ports.now = () => now;
    const show = (url = SHOTS) => route({ type: 'agent/suggestions', url }, tab);
    const first = await show();
    expect(await show()).toEqual(first);
    expect(ports.runAgentOn).toHaveBeenCalledTimes(1);
    await show(`${KITSU}/productions/${PROJECT}/assets`);
    expect(ports.runAgentOn).toHaveBeenCalledTimes(2);
    // A read replaced: an event dropped it, or a refresh brought it again.
    vi.mocked(ports.readAgentSources).mockResolvedValue({ identity: ['a list read again'] } as unknown as AgentSources);
    await show();
    await show();
    expect(ports.runAgentOn).toHaveBeenCalledTimes(3);
    await route({ type: 'agent/dismiss', url: SHOTS, suggestionId: 'overdue:1', days: null }, tab);
    await show();
    expect(ports.runAgentOn).toHaveBeenCalledTimes(4);
    now = new Date(NOW.getTime() + 60_001);
    await show();
    expect(ports.runAgentOn).toHaveBeenCalledTimes(5);
  });
});
