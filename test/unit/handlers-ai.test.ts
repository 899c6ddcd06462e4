import { createStore } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { AiError } from '../../lib/ai/errors';
import { type AiHandlerPorts, createAiHandlers } from '../../lib/ai/handlers';
import { DEFAULT_AI_SETTINGS } from '../../lib/ai/settings';
import { createAiStore } from '../../lib/ai/store';
import type { PlanPreview } from '../../lib/messaging/protocol';
import { PlanRefusal } from '../../lib/plans/pending';
import { op, plan } from '../../lib/plans/testing/fixtures';
import { answered, from, guardsFor, KITSU, PRODUCTION, refused, routeTo, sessionWith, TASK } from './handler-harness';

const TASK_PAGE = `${KITSU}/productions/${PRODUCTION}/shots/tasks/${TASK}`;
const tab = { ...from.kitsuTab, url: TASK_PAGE };
const pending = plan([op.comment('o1', 't1', 'Please update the layout')], { host: KITSU });
const preview = { notifiedPeople: [{ name: 'Ana Lima', operations: 1 }], tasks: [] } as unknown as PlanPreview;
const reads = {
  project: async () => ({ name: 'Fox Tales' }),
  persons: async () => [{ id: 'ana', full_name: 'Ana Lima' }],
};

let stores = 0;
async function setup({ on = true, ...overrides }: Partial<AiHandlerPorts> & { on?: boolean } = {}) {
  stores += 1;
  const store = createAiStore(createStore(`handlers-ai-${stores}`, 'settings'));
  if (on) await store.write({ ...DEFAULT_AI_SETTINGS, provider: 'built-in', enabledHosts: [KITSU], key: 'sk-secret' });
  const ports: AiHandlerPorts = {
    store,
    permissions: { contains: async () => true, remove: async () => true },
    kitsuOrigins: async () => [KITSU],
    facts: { portsInPatterns: true, dataCollectionConsent: false },
    ai: { test: vi.fn(async () => ({ reply: 'OK', milliseconds: 5, model: '' })) },
    flow: { confirmable: vi.fn(async () => ({ plan: pending, preview })) } as unknown as AiHandlerPorts['flow'],
    guards: guardsFor(sessionWith({ reads })),
    windows: { confirm: vi.fn(async () => {}) },
    ...overrides,
  };
  return { ports, route: routeTo(createAiHandlers(ports)) };
}

describe('AI handlers', () => {
  it('show the settings without their key', async () => {
    const { route } = await setup();
    const answer = await route({ type: 'ai/settings/get' }, from.optionsPage);
    expect(answer).toMatchObject({ ok: true, data: { provider: 'built-in', hasKey: true } });
    expect(JSON.stringify(answer)).not.toContain('sk-secret');
  });

  it('prepare a draft’s prompt for a pending plan, with people’s names left out as asked', async () => {
    const { route } = await setup();
    const answer = await route(
      { type: 'ai/prepare-draft', planId: pending.id, kind: 'reminder', exclude: ['names'] },
      from.confirmPage,
    );
    expect(answer).toMatchObject({
      ok: true,
      data: { host: KITSU, kind: 'reminder', provider: 'built-in', destination: null },
    });
    if (!answer.ok) throw new Error(answer.error.message);
    const { messages, restorations } = answer.data as { messages: unknown[]; restorations: Record<string, string> };
    expect(JSON.stringify(messages)).not.toContain('Ana Lima');
    expect(Object.values(restorations)).toContain('Ana Lima');
  });

  it('refuse in words when AI is off, or the plan is gone', async () => {
    const off = await setup({ on: false });
    const draft = { type: 'ai/prepare-draft', planId: pending.id, kind: 'reminder', exclude: [] } as const;
    expect(await off.route(draft, from.confirmPage)).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/^AI assistance is off:/) },
    });
    const gone = await setup({
      flow: { confirmable: async () => Promise.reject(new PlanRefusal('This plan expired: build it again.')) },
    } as Partial<AiHandlerPorts>);
    expect(await gone.route(draft, from.confirmPage)).toEqual(refused('This plan expired: build it again.'));
  });

  it('open the summary window on a task page’s thread, and only there', async () => {
    const { route, ports } = await setup();
    expect(await route({ type: 'ai/summarise-thread', url: TASK_PAGE }, tab)).toEqual(answered({ opened: true }));
    expect(ports.windows.confirm).toHaveBeenCalledWith(`summary/${encodeURIComponent(KITSU)}/${TASK}`);
    const shots = `${KITSU}/productions/${PRODUCTION}/shots`;
    expect(await route({ type: 'ai/summarise-thread', url: shots }, { ...tab, url: shots })).toEqual(
      refused('Threads are summarised on a task page.'),
    );
  });

  it('answer a failed test with its problem, not as a refusal', async () => {
    const { route } = await setup({
      ai: { test: async () => Promise.reject(new AiError('unreachable', 'Nothing answers there.')) },
    });
    expect(await route({ type: 'ai/test' }, from.optionsPage)).toEqual(
      answered({ ok: false, problem: 'unreachable', message: 'Nothing answers there.' }),
    );
  });
});
