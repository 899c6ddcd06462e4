import { createStore } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { type AuditRecord, createAuditLog } from '../../lib/plans/audit';
import { createPlanHandlers, type PlanHandlerPorts } from '../../lib/plans/handlers';
import { createOperatorSettings } from '../../lib/plans/operator-settings';
import { PlanRefusal } from '../../lib/plans/pending';
import { answered, from, refused, routeTo } from './handler-harness';

let stores = 0;
const record: AuditRecord = {
  jobId: 'j1',
  planId: 'p1',
  operationId: 'o1',
  taskId: 't1',
  kind: 'set-priority',
  before: 0,
  after: 2,
  result: 'skipped',
  reason: 'a person changed it',
  at: '2026-11-29T10:00:00.000Z',
  operator: 'Mina',
};

function setup(flow: Partial<PlanHandlerPorts['flow']> = {}) {
  stores += 1;
  const audit = createAuditLog(createStore(`handlers-audit-${stores}`, 'records'));
  const ports: PlanHandlerPorts = {
    flow: {
      preview: vi.fn(),
      execute: vi.fn(async () => {}),
      status: vi.fn(),
      cancel: vi.fn(async () => true),
      undo: vi.fn(),
      resume: vi.fn(async () => false),
      retryFailed: vi.fn(),
      escapeHashtags: vi.fn(),
      replaceCommentText: vi.fn(async () => ({ planId: 'p2' })),
      ...flow,
    } as PlanHandlerPorts['flow'],
    operatorSettings: createOperatorSettings(createStore(`handlers-operator-${stores}`, 'settings')),
    audit,
    now: () => new Date('2026-11-29T23:30:00Z'),
  };
  return { ports, audit, route: routeTo(createPlanHandlers(ports)) };
}

describe('plan handlers', () => {
  it('runs a plan the confirm window asks for, and says it started', async () => {
    const { route, ports } = setup();
    expect(await route({ type: 'plans/execute', planId: 'p1' }, from.confirmPage)).toEqual(answered({ started: true }));
    expect(ports.flow.execute).toHaveBeenCalledWith('p1');
    expect(await route({ type: 'plans/cancel', planId: 'p1' }, from.confirmPage)).toEqual(
      answered({ cancelled: true }),
    );
    expect(await route({ type: 'plans/resume', planId: 'p1' }, from.confirmPage)).toEqual(answered({ resumed: false }));
  });

  it('passes the flow’s refusals on in its words (an expired plan, a second run)', async () => {
    const { route } = setup({
      execute: async () => Promise.reject(new PlanRefusal('This plan was already run: a plan runs once.')),
      replaceCommentText: async () => Promise.reject(new PlanRefusal('This plan expired: build it again.')),
    });
    expect(await route({ type: 'plans/execute', planId: 'p1' }, from.confirmPage)).toEqual(
      refused('This plan was already run: a plan runs once.'),
    );
    expect(
      await route({ type: 'plans/replace-comment', planId: 'p1', text: 'Please check' }, from.confirmPage),
    ).toEqual(refused('This plan expired: build it again.'));
  });

  it('saves the operator’s settings and refuses a marker without Sidekick’s name', async () => {
    const { route } = setup();
    const save = { type: 'settings/save', operatorName: ' Mina ', markerTemplate: 'Posted by Sidekick for {operator}' };
    expect(await route(save, from.optionsPage)).toEqual({
      ok: true,
      data: { operatorName: 'Mina', markerTemplate: 'Posted by Sidekick for {operator}' },
    });
    expect(await route({ ...save, markerTemplate: 'Posted for {operator}' }, from.optionsPage)).toEqual(
      refused('The marker must name "Sidekick".'),
    );
    expect(await route({ type: 'settings/get' }, from.confirmPage)).toMatchObject({
      ok: true,
      data: { operatorName: 'Mina' },
    });
  });

  it('lists audit records with their values as JSON text, and exports under a dated name', async () => {
    const { route, audit } = setup();
    await audit.append([record]);
    expect(await route({ type: 'audit/list', planId: 'p1' }, from.optionsPage)).toEqual({
      ok: true,
      data: {
        records: [
          {
            at: record.at,
            operator: 'Mina',
            planId: 'p1',
            jobId: 'j1',
            taskId: 't1',
            kind: 'set-priority',
            result: 'skipped: a person changed it',
            before: '0',
            after: '2',
          },
        ],
      },
    });
    const exported = await route({ type: 'audit/export', format: 'csv' }, from.optionsPage);
    expect(exported).toMatchObject({ ok: true, data: { fileName: 'sidekick-audit-2026-11-29.csv' } });
    expect(await route({ type: 'audit/export', format: 'json' }, from.optionsPage)).toMatchObject({
      ok: true,
      data: { fileName: 'sidekick-audit-2026-11-29.json' },
    });
  });
});
