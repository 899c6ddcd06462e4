// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { WorkflowSettings } from '../../components/WorkflowSettings';
import type { SidekickRequest, WorkflowView } from '../../lib/messaging/protocol';

const KITSU = 'https://kitsu.studio.test';
const row = (statusId: string, name: string, role: WorkflowView['statuses'][number]['role'], tasks: number | null) => ({
  statusId,
  name,
  shortName: statusId,
  color: '#888888',
  role,
  source: 'flag' as const,
  derivedRole: role,
  tasks,
});
const VIEW: WorkflowView = {
  origin: KITSU,
  statuses: [row('todo', 'Todo', 'todo', 1234), row('hold', 'En pause', 'todo', 9)],
  timeZone: null,
  browserTimeZone: 'UTC',
};
const asked: SidekickRequest[] = [];

// The background: one connection, its table, and the table again after a save.
vi.mock('../../lib/messaging/client', async (original) => ({
  ...(await original<typeof import('../../lib/messaging/client')>()),
  ask: async (request: SidekickRequest) => {
    asked.push(request);
    if (request.type === 'connections/list') {
      return { connections: [{ id: 'c1', label: 'Studio', origin: KITSU, createdAt: '', hostGranted: true }] };
    }
    return VIEW;
  },
}));

describe('the options page’s workflow table', () => {
  it('shows each status with its task count and role, and saves the roles and time zone a person picks', async () => {
    render(<WorkflowSettings />);
    await screen.findByTestId('workflow-statuses');
    expect(screen.getAllByTestId('workflow-tasks').map((cell) => cell.textContent)).toEqual(['1,234', '9']);
    const [, hold] = screen.getAllByTestId('workflow-role') as HTMLSelectElement[];
    expect(hold?.selectedOptions[0]?.textContent).toBe('To do (from Kitsu)');
    fireEvent.change(hold as HTMLSelectElement, { target: { value: 'on-hold' } });
    fireEvent.change(screen.getByTestId('workflow-time-zone'), { target: { value: 'Europe/Paris' } });
    fireEvent.submit(screen.getByTestId('workflow-form'));
    await waitFor(() => expect(screen.getByTestId('workflow-message').textContent).toMatch(/^Saved\./));
    expect(asked.at(-1)).toEqual({
      type: 'connections/save-workflow',
      origin: KITSU,
      roles: { todo: 'todo', hold: 'on-hold' },
      timeZone: 'Europe/Paris',
    });
  });
});
