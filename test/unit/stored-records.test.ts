// What Sidekick reads back from its own storage is parsed like any input: a damaged record is never
// taken for a good one.
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createPendingPlans, PlanRefusal } from '../../lib/plans/pending';
import { op, plan } from '../../lib/plans/testing/fixtures';
import { createPublishFiles } from '../../lib/publish/files';
import { planPreview } from './support/plan-preview';

// The preview of the one-comment plan stored below, by the same operator, expiring with it.
const preview = planPreview({
  host: 'https://kitsu.studio.example',
  createdAt: '2026-11-20T10:00:00.000Z',
  expiresAt: '2026-11-20T10:15:00.000Z',
  operator: 'Mina',
  markerExample: 'Posted by Sidekick for Mina',
  operationCount: 1,
});

describe('stored records', () => {
  it('a pending plan whose stored preview is damaged reads as unknown, not as a plan to confirm', async () => {
    const store = createStore('stored-pending', 'pending');
    const pending = createPendingPlans(store);
    const record = {
      plan: plan([op.comment('c1', 't1', 'Hello')]),
      preview,
      preSkipped: {},
      operator: { operatorName: 'Mina', markerTemplate: 'Posted by Sidekick for {operator}' },
      expiresAt: Date.parse('2026-11-20T10:15:00Z'),
      state: 'pending' as const,
    };
    await pending.add(record);
    expect((await pending.get('plan-1')).preview).toEqual(preview);
    await set('plan-1', { ...record, preview: { ...preview, tasks: 'none' } }, store);
    await expect(pending.get('plan-1')).rejects.toThrow(PlanRefusal);
  });

  it('a stored publish file that cannot be read is neither offered for upload nor kept', async () => {
    const store = createStore('stored-files', 'files');
    const files = createPublishFiles(store);
    const kept = await files.put(new Blob(['frame']), 'sh010_v001.png', Date.parse('2026-11-20T10:00:00Z'));
    await set('damaged', { name: 'sh020_v001.png', blob: {}, storedAt: 'yesterday' }, store);
    expect(await files.stored('damaged')).toBeUndefined();
    expect(await files.prune(Date.parse('2026-11-20T11:00:00Z'))).toBe(1);
    expect((await files.stored(kept.id))?.name).toBe('sh010_v001.png');
  });
});
