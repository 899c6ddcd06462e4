// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DiffTable } from '../../components/confirm/DiffTable';
import { type PreviewTask, planPreview, previewTask } from './support/plan-preview';

const task = (id: string, status: string, assignee: string, lines: PreviewTask['lines']) =>
  previewTask(id, {
    taskLabel: `${id} / Animation`,
    status,
    assignees: [assignee],
    url: `https://kitsu.example/productions/p1/shots/tasks/${id}`,
    lines,
    notified: [assignee],
  });

const preview = planPreview({
  title: 'Set WIP',
  operationCount: 3,
  tasks: [
    task('SH010', 'Todo', 'Ana Lima', [
      { field: 'status', text: 'Status: Todo → WIP', before: 'Todo', after: 'WIP' },
      { field: 'comment', text: 'Comment: Go', after: 'Go' },
    ]),
    task('SH020', 'Todo', 'Ben Ode', [{ field: 'status', text: 'Status: Todo → WIP', before: 'Todo', after: 'WIP' }]),
  ],
  statuses: [
    { name: 'Todo', shortName: 'todo', color: '#f5f5f5' },
    { name: 'WIP', shortName: 'wip', color: '#3273dc' },
  ],
});

describe('the confirm window’s diff table', () => {
  it('shows a row per task with a column per changed field, status chips before → after, and a link to Kitsu', () => {
    render(<DiffTable preview={preview} results={null} />);
    const headers = screen.getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual(['Task', 'Status', 'Comment', 'Also']);
    const rows = screen.getAllByTestId('plan-task');
    expect(rows).toHaveLength(2);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole('link').getAttribute('href')).toBe('https://kitsu.example/productions/p1/shots/tasks/SH010');
    const chips = (rows[0] as HTMLElement).querySelectorAll('.sk-diff__cell [data-status]');
    expect([...chips].map((chip) => [chip.textContent, chip.className])).toEqual([
      ['todo', 'sk-chip sk-status-0'],
      ['wip', 'sk-chip sk-status-1'],
    ]);
    expect(document.querySelector('style')?.textContent).toContain('.sk-status-1{background:#3273dc');
    expect(first.getAllByRole('img', { name: 'Ana Lima' }).length).toBeGreaterThan(0);
  });

  it('narrows to a person and to a change kind, and says when nothing is left', () => {
    render(<DiffTable preview={preview} results={null} />);
    fireEvent.change(screen.getByTestId('plan-filter-person'), { target: { value: 'Ben Ode' } });
    expect(screen.getAllByTestId('plan-task').map((row) => row.dataset.taskId)).toEqual(['SH020']);
    fireEvent.change(screen.getByTestId('plan-filter-kind'), { target: { value: 'comment' } });
    expect(screen.queryAllByTestId('plan-task')).toHaveLength(0);
    expect(screen.getByTestId('empty-state').textContent).toMatch(/Pick “All”/);
    expect(screen.getByTestId('plan-shown').textContent).toBe('0 of 2 tasks');
  });

  it('groups by assignees, and shows each task’s result once the job ran', () => {
    const results = new Map([['SH020', { state: 'skipped', reason: 'Status changed from Todo to Done' }]]);
    render(<DiffTable preview={preview} results={results} />);
    fireEvent.change(screen.getByTestId('plan-group-by'), { target: { value: 'person' } });
    const groups = [...document.querySelectorAll('tbody')].map((body) => body.dataset.group);
    expect(groups).toEqual(['Ana Lima', 'Ben Ode']);
    const [result] = screen.getAllByTestId('plan-task-result');
    expect(result?.dataset.state).toBe('skipped');
    expect(result?.textContent).toContain('Status changed from Todo to Done');
  });
});
