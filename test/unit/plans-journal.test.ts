import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createJournal, itemsToRun, type Job } from '../../lib/plans/journal';
import { op, plan } from '../../lib/plans/testing/fixtures';

let count = 0;
const storeName = () => `journal-test-${++count}`;
const now = new Date('2026-11-20T10:00:00Z');
const threeOps = plan([op.priority('p1', 't1', 0, 1), op.priority('p2', 't2', 0, 1), op.priority('p3', 't3', 0, 1)]);

describe('journal', () => {
  it('creates a running job with every item pending, or skipped when blocked before confirming', async () => {
    const journal = createJournal(createStore(storeName(), 'jobs'));
    const job = await journal.create({
      jobId: 'job-1',
      plan: threeOps,
      operator: 'Mina',
      markerTemplate: 'Sidekick {operator}',
      now,
      preSkipped: { p2: 'not allowed' },
    });
    expect(job.status).toBe('running');
    expect(job.items).toEqual({
      p1: { state: 'pending', at: now.toISOString() },
      p2: { state: 'skipped', reason: 'Skipped before confirming: not allowed', at: now.toISOString() },
      p3: { state: 'pending', at: now.toISOString() },
    });
    expect(await journal.get('job-1')).toEqual(job);
    await expect(
      journal.create({ jobId: 'job-1', plan: threeOps, operator: 'x', markerTemplate: '', now }),
    ).rejects.toThrow('already exists');
  });

  it('survives a worker restart: a new journal on the same database reads the same items', async () => {
    const name = storeName();
    const before = createJournal(createStore(name, 'jobs'));
    await before.create({ jobId: 'job-1', plan: threeOps, operator: 'Mina', markerTemplate: '', now });
    await before.setItem('job-1', 'p1', { state: 'applied', result: {}, at: now.toISOString() });
    await before.setItem('job-1', 'p2', { state: 'started', at: now.toISOString() });

    const after = createJournal(createStore(name, 'jobs'));
    const [interrupted] = await after.markInterrupted();
    expect(interrupted?.status).toBe('interrupted');
    expect((await after.get('job-1'))?.status).toBe('interrupted');
    expect(await after.markInterrupted()).toEqual([]);
    const job = (await after.get('job-1')) as Job;
    expect(itemsToRun(job)).toEqual({ pending: [threeOps.operations[2]], started: [threeOps.operations[1]] });
  });

  it('keeps concurrent item updates apart', async () => {
    const journal = createJournal(createStore(storeName(), 'jobs'));
    await journal.create({ jobId: 'job-1', plan: threeOps, operator: 'Mina', markerTemplate: '', now });
    await Promise.all(
      ['p1', 'p2', 'p3'].map((id) =>
        journal.setItem('job-1', id, { state: 'applied', result: {}, at: now.toISOString() }),
      ),
    );
    const job = (await journal.get('job-1')) as Job;
    expect(Object.values(job.items).map((item) => item.state)).toEqual(['applied', 'applied', 'applied']);
  });

  it('lists jobs oldest first and refuses corrupted records', async () => {
    const store = createStore(storeName(), 'jobs');
    const journal = createJournal(store);
    await journal.create({ jobId: 'b', plan: threeOps, operator: 'Mina', markerTemplate: '', now: new Date(2) });
    await journal.create({ jobId: 'a', plan: threeOps, operator: 'Mina', markerTemplate: '', now: new Date(1) });
    expect((await journal.list()).map((job) => job.jobId)).toEqual(['a', 'b']);
    await expect(journal.setItem('a', 'p1', { state: 'done' } as never)).rejects.toThrow();
    await set('item:a:p1', { state: 'exploded' }, store);
    await expect(journal.get('a')).rejects.toThrow();
  });
});
