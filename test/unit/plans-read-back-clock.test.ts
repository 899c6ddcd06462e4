import { describe, expect, it } from 'vitest';
import type { Job } from '../../lib/plans/journal';
import { jobStartOnZouClock } from '../../lib/plans/read-back-report';
import { op, plan } from '../../lib/plans/testing/fixtures';

const operations = [op.comment('c1', 't1', 'One.'), op.comment('c2', 't2', 'Two.'), op.comment('c3', 't3', 'Three.')];

function jobWith(items: Job['items']): Job {
  return {
    jobId: 'job-1',
    planId: 'plan-1',
    plan: plan(operations),
    operator: 'Mina',
    markerTemplate: '— Sidekick for {operator}',
    createdAt: '2026-12-06T10:00:00.000Z',
    status: 'done',
    items,
  };
}

describe('reading a job back from the comment feed', () => {
  it("starts from the job's start on zou's clock, as its recorded comments show it, minus two minutes", () => {
    // zou's clock is an hour ahead of the browser's; each answer was journaled a second after zou's stamp.
    const job = jobWith({
      c1: {
        state: 'applied',
        result: { commentId: 'a', commentDate: '2026-12-06T11:00:04' },
        at: '2026-12-06T10:00:05.000Z',
      },
      c2: {
        state: 'applied',
        result: { commentId: 'b', commentDate: '2026-12-06T11:00:09' },
        at: '2026-12-06T10:00:10.000Z',
      },
      c3: { state: 'failed', reason: 'lost answer', at: '2026-12-06T10:00:12.000Z' },
    });
    expect(new Date(jobStartOnZouClock(job, operations)).toISOString()).toBe('2026-12-06T10:57:59.000Z');
  });

  it('goes back a quarter of an hour when no comment tells the clocks apart', () => {
    const job = jobWith({ c1: { state: 'failed', reason: 'lost answer', at: '2026-12-06T10:00:05.000Z' } });
    expect(new Date(jobStartOnZouClock(job, operations)).toISOString()).toBe('2026-12-06T09:45:00.000Z');
  });
});
