// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PlanConfirm } from '../../components/PlanConfirm';
import type { PlanPreview } from '../../lib/messaging/protocol';
import { planPreview } from './support/plan-preview';

const ask = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messaging/client', async (original) => ({
  ...(await original<typeof import('../../lib/messaging/client')>()),
  ask,
}));

/** A previewed plan of 1,000 comment+status changes spread over three artists. */
function largePreview(): PlanPreview {
  const people = ['Ana Lima', 'Ben Ode', 'Chloe Dubois'];
  return planPreview({
    planId: 'plan-1000',
    title: 'Comment and set WIP on 1000 tasks',
    origin: { kind: 'bulk', id: 'comment-status' },
    tasks: Array.from({ length: 1000 }, (_, index) => ({
      taskId: `t${index}`,
      taskLabel: `SH${String(index).padStart(4, '0')} / Layout`,
      lines: [
        { field: 'status', text: 'Status: Todo → WIP' },
        { field: 'comment', text: 'Comment: “Go”' },
      ],
      blocked: null,
      notified: [people[index % 3] as string],
      hashtagCopies: [],
      automations: [],
    })),
    notifiedPeople: [
      { name: 'Ana Lima', operations: 334 },
      { name: 'Ben Ode', operations: 333 },
      { name: 'Chloe Dubois', operations: 333 },
    ],
  });
}

describe('the confirm window at 1,000 operations', () => {
  it('shows a page of 100 tasks, the counts per change kind and per person notified, and pages through', {
    timeout: 30_000,
  }, async () => {
    ask.mockImplementation(async (request: { type: string }) => {
      if (request.type === 'plans/preview') return largePreview();
      if (request.type === 'plans/status') {
        return {
          state: 'pending',
          progress: { done: 0, total: 1000, applied: 0, skipped: 0, failed: 0 },
          items: [],
          undoable: false,
          notUndoable: [],
        };
      }
      throw new Error(`not in this test: ${request.type}`);
    });
    location.hash = '#plan-1000';
    render(<PlanConfirm />);
    const list = await screen.findByTestId('plan-tasks');
    expect(list.querySelectorAll('[data-testid="plan-task"]')).toHaveLength(100);
    expect(list.textContent).toContain('SH0000 / Layout');
    expect(screen.getByTestId('plan-change-counts').textContent).toBe('1,000 status changes, 1,000 comments.');
    expect(screen.getByTestId('plan-notified').textContent).toBe(
      'Kitsu notifies Ana Lima (334), Ben Ode (333), Chloe Dubois (333).',
    );
    expect(screen.getByTestId('plan-page').textContent).toBe('Page 1 of 10');
    expect(screen.getByTestId('plan-confirm')).toBeTruthy();

    for (let page = 2; page <= 10; page++) fireEvent.click(screen.getByTestId('plan-next-page'));
    expect(screen.getByTestId('plan-page').textContent).toBe('Page 10 of 10');
    expect(list.querySelectorAll('[data-testid="plan-task"]')).toHaveLength(100);
    expect(list.textContent).toContain('SH0999 / Layout');
    expect(list.textContent).not.toContain('SH0000 / Layout');
    expect((screen.getByTestId('plan-next-page') as HTMLButtonElement).disabled).toBe(true);
  });
});
