// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { filterOf } from '../../components/features/bulk-filters';
import { BulkHelpers } from '../../components/features/bulk-helpers';
import { bulkOperations } from '../../lib/bulk/operations';
import { parseKitsuUrl } from '../../lib/kitsu-routes';

const askWith = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messaging/client', async (original) => ({
  ...(await original<typeof import('../../lib/messaging/client')>()),
  askWith,
}));

const CHOICES = {
  projectName: 'Fox Tales',
  role: 'supervisor',
  // As the background offers them: each operation's declaration, fields included.
  operations: bulkOperations
    .filter(({ id }) => ['comment-status', 'comment', 'unassign', 'set-dates'].includes(id))
    .map(({ id, label, fields }) => ({ id, label, fields })),
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
    expect([...picker.options].map((option) => option.value)).toEqual([
      'comment-status',
      'comment',
      'unassign',
      'set-dates',
    ]);
    expect((await screen.findByTestId('bulk-count')).textContent).toBe('612 tasks match.');
    expect(screen.getByTestId('bulk-sample').textContent).toBe('SH0010 / Layout and 611 more');
    expect(screen.getByTestId('bulk-warning').textContent).toBe('612 tasks: more than 500.');

    expect(screen.getByTestId('bulk-selection').getAttribute('aria-busy')).toBe('false');

    fireEvent.change(screen.getByTestId('bulk-task-type'), { target: { value: 'tt-comp' } });
    // The count shown is for the filters before the change until the new one is in.
    expect(screen.getByTestId('bulk-selection').getAttribute('aria-busy')).toBe('true');
    await waitFor(() =>
      expect(requests().at(-1)).toEqual({
        type: 'bulk/select',
        url: location.href,
        filter: { taskTypeId: 'tt-comp' },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('bulk-selection').getAttribute('aria-busy')).toBe('false'));
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
      values: { datesMode: 'shift', shiftDays: '-2', shiftStart: false, shiftDue: true, startDate: '', dueDate: '' },
    });
  });

  it("renders each operation's declared fields, those of the picked mode only", async () => {
    answering();
    render(<BulkHelpers {...props()} />);
    fireEvent.change(await screen.findByTestId('bulk-operation'), { target: { value: 'set-dates' } });
    const shown = () =>
      [...screen.getByTestId('bulk-inputs').querySelectorAll('[data-testid]')].map((node) =>
        node.getAttribute('data-testid'),
      );
    expect(shown()).toEqual(['bulk-dates-mode', 'bulk-shift-days', 'bulk-shift-start', 'bulk-shift-due']);
    expect(screen.getByTestId('bulk-shift-days').closest('label')?.textContent).toBe(
      'Working days (negative: earlier; weekends and days off are skipped)',
    );
    fireEvent.change(screen.getByTestId('bulk-dates-mode'), { target: { value: 'set' } });
    expect(shown()).toEqual(['bulk-dates-mode', 'bulk-start-date', 'bulk-due-date']);
    fireEvent.change(screen.getByTestId('bulk-operation'), { target: { value: 'unassign' } });
    expect(shown()).toEqual(['bulk-person']);
    expect([...(screen.getByTestId('bulk-person') as HTMLSelectElement).options].map((option) => option.text)).toEqual([
      'pick a person',
      'Ana Lima',
    ]);
  });

  it('cannot review a plan while a required field is empty, and says what is missing', async () => {
    answering();
    render(<BulkHelpers {...props()} />);
    const preview = () => screen.getByTestId('bulk-preview') as HTMLButtonElement;
    await screen.findByTestId('bulk-count');
    expect(preview().disabled).toBe(true);
    expect(screen.getByTestId('bulk-missing').textContent).toBe('Write the comment.');
    fireEvent.input(screen.getByTestId('bulk-text'), { target: { value: 'Ready for {entity}' } });
    expect(preview().disabled).toBe(false);
    expect(screen.queryByTestId('bulk-missing')).toBeNull();
    // The comment typed is kept when the person switches to the other comment operation.
    fireEvent.change(screen.getByTestId('bulk-operation'), { target: { value: 'comment' } });
    expect((screen.getByTestId('bulk-text') as HTMLTextAreaElement).value).toBe('Ready for {entity}');
    fireEvent.change(screen.getByTestId('bulk-operation'), { target: { value: 'unassign' } });
    expect(preview().disabled).toBe(true);
    expect(screen.getByTestId('bulk-missing').textContent).toBe('Pick a person.');
  });

  it('cannot review a plan when no task matches', async () => {
    answering({ count: 0, sample: [], warnings: [] });
    render(<BulkHelpers {...props()} />);
    // Shifting dates needs nothing more than its defaults: only the empty selection stops it.
    fireEvent.change(await screen.findByTestId('bulk-operation'), { target: { value: 'set-dates' } });
    expect((await screen.findByTestId('bulk-count')).textContent).toBe('No task matches: change the filters.');
    expect(screen.queryByTestId('bulk-missing')).toBeNull();
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
});
