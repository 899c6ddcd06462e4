import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BulkHelpers, filterOf, inputOf } from '../../components/features/bulk-helpers';
import { parseKitsuUrl } from '../../lib/kitsu-routes';

const askWith = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messaging/client', async (original) => ({
  ...(await original<typeof import('../../lib/messaging/client')>()),
  askWith,
}));

const CHOICES = {
  projectName: 'Fox Tales',
  role: 'supervisor',
  operations: [
    { id: 'comment-status', label: 'Comment and set status' },
    { id: 'unassign', label: 'Unassign one person' },
    { id: 'set-dates', label: 'Set or shift dates' },
  ],
  taskTypes: [
    { id: 'tt-layout', name: 'Layout' },
    { id: 'tt-comp', name: 'Compositing' },
  ],
  statuses: [{ id: 'st-wip', name: 'WIP', shortName: 'wip' }],
  persons: [{ id: 'p-ana', name: 'Ana Lima' }],
  departments: [],
  sequences: [{ id: 'sq1', name: 'SQ010' }],
};

type Request = { type: string; [key: string]: unknown };
const requests = () => askWith.mock.calls.map((call) => call[1] as Request);

function answering(selection = { count: 612, sample: ['SH0010 / Layout'], warnings: ['612 tasks: more than 500.'] }) {
  askWith.mockImplementation(async (_schema: unknown, request: Request) => {
    if (request.type === 'bulk/choices') return CHOICES;
    if (request.type === 'bulk/select') return selection;
    if (request.type === 'bulk/propose') return { planId: 'plan-1', operationCount: 612 };
    throw new Error(`unexpected ${request.type}`);
  });
}

const props = () => ({
  context: parseKitsuUrl('https://kitsu.example/productions/p1/shots'),
  signal: new AbortController().signal,
  dataVersion: 0,
});

beforeEach(() => {
  askWith.mockReset();
});

describe('the bulk helpers panel', () => {
  it('offers only the operations the background allows, with a live count, sample and warnings', async () => {
    answering();
    render(<BulkHelpers {...props()} />);
    const picker = (await screen.findByTestId('bulk-operation')) as HTMLSelectElement;
    expect([...picker.options].map((option) => option.value)).toEqual(['comment-status', 'unassign', 'set-dates']);
    expect((await screen.findByTestId('bulk-count')).textContent).toBe('612 tasks match.');
    expect(screen.getByTestId('bulk-sample').textContent).toBe('SH0010 / Layout and 611 more');
    expect(screen.getByTestId('bulk-warning').textContent).toBe('612 tasks: more than 500.');

    fireEvent.change(screen.getByTestId('bulk-task-type'), { target: { value: 'tt-comp' } });
    await waitFor(() =>
      expect(requests().at(-1)).toEqual({
        type: 'bulk/select',
        url: location.href,
        filter: { taskTypeId: 'tt-comp' },
      }),
    );
  });

  it('proposes the picked operation with its filters and inputs, in one bulk/propose message', async () => {
    answering();
    render(<BulkHelpers {...props()} />);
    fireEvent.change(await screen.findByTestId('bulk-operation'), { target: { value: 'set-dates' } });
    fireEvent.change(screen.getByTestId('bulk-sequence'), { target: { value: 'sq1' } });
    fireEvent.input(screen.getByTestId('bulk-shift-days'), { target: { value: '-2' } });
    fireEvent.click(screen.getByTestId('bulk-shift-start'));
    await screen.findByTestId('bulk-count');
    fireEvent.click(screen.getByTestId('bulk-preview'));
    await screen.findByText(/A plan of 612 changes is waiting/);
    expect(requests().find((request) => request.type === 'bulk/propose')).toEqual({
      type: 'bulk/propose',
      url: location.href,
      operationId: 'set-dates',
      filter: { sequenceId: 'sq1' },
      input: { mode: 'shift', days: -2, fields: ['due'] },
    });
  });

  it('cannot review a plan when no task matches', async () => {
    answering({ count: 0, sample: [], warnings: [] });
    render(<BulkHelpers {...props()} />);
    fireEvent.change(await screen.findByTestId('bulk-operation'), { target: { value: 'unassign' } });
    expect((await screen.findByTestId('bulk-count')).textContent).toBe('No task matches: change the filters.');
    expect((screen.getByTestId('bulk-preview') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so when the token may run no operation', async () => {
    askWith.mockResolvedValue({ ...CHOICES, role: 'vendor', operations: [] });
    render(<BulkHelpers {...props()} />);
    expect((await screen.findByTestId('bulk-helpers-none')).textContent).toMatch(/\(vendor\) may not change tasks/);
  });
});

describe('form values to messages', () => {
  const fields = {
    taskTypeId: '',
    statusId: 'st-wip',
    assignee: 'unassigned',
    departmentId: '',
    sequenceId: '',
    priority: '0',
    dueBefore: '2026-12-01',
    dueAfter: '',
    overdue: true,
    text: '  SH01 ',
  };

  it('leaves empty filters out and keeps priority 0', () => {
    expect(filterOf(fields)).toEqual({
      statusId: 'st-wip',
      assignee: 'unassigned',
      priority: 0,
      dueBefore: '2026-12-01',
      overdue: true,
      text: 'SH01',
    });
  });

  it('builds each operation input', () => {
    const input = {
      toStatusId: '',
      text: 'Hi {entity}',
      personId: 'p1',
      fromPersonId: 'p1',
      toPersonId: 'p2',
      datesMode: 'set' as const,
      shiftDays: '3',
      shiftStart: true,
      shiftDue: true,
      startDate: '',
      dueDate: '2026-12-24',
      wipStartDate: '',
      estimateMode: 'fixed' as const,
      estimateHours: '1.5',
      estimateOnlyMissing: true,
      priority: '3',
    };
    expect(inputOf('comment-status', input)).toEqual({ statusId: null, text: 'Hi {entity}' });
    expect(inputOf('replace-assignee', input)).toEqual({ fromPersonId: 'p1', toPersonId: 'p2' });
    expect(inputOf('set-dates', input)).toEqual({ mode: 'set', dueDate: '2026-12-24' });
    expect(inputOf('set-estimate', input)).toEqual({ mode: 'fixed', minutes: 90, onlyMissing: true });
    expect(inputOf('set-priority', input)).toEqual({ priority: 3 });
    expect(inputOf('start-wip', input)).toEqual({});
  });
});
