import { describe, expect, it } from 'vitest';
import { bulkOperations } from '../../lib/bulk/operations';
import { median } from '../../lib/bulk/operations/set-estimate';
import { BulkInputError } from '../../lib/bulk/operations/shared';
import type { SelectedTask } from '../../lib/bulk/selection';
import { bulkOperation, operationsFor } from '../../lib/bulk/service';
import { formFieldSchema, formValues, missingInput } from '../../lib/forms/fields';
import { type Plan, PlanSchema } from '../../lib/plans';
import { contextFor, task } from './bulk-fixtures';

function plan(operationId: string, input: unknown, tasks: readonly SelectedTask[], extra = {}): Plan {
  const operation = bulkOperation(operationId);
  if (!operation) throw new Error(`no operation ${operationId}`);
  const built = operation.plan(input, contextFor(tasks, extra));
  // Every operation's plan is one the plan machinery accepts.
  expect(PlanSchema.parse(built)).toEqual(built);
  return built;
}
const strip = (built: Plan) => built.operations.map(({ id: _id, taskLabel: _label, ...rest }) => rest);
/** An assign or unassign step as planned: it relies on the whole assignee list it saw, not only on the one person. */
const assigneeStep = (kind: 'assign' | 'unassign', taskId: string, personId: string, assigneesBefore: string[]) => ({
  kind,
  taskId,
  personId,
  assigneesBefore,
  preconditions: { assigneeIds: assigneesBefore },
});
type DateChange = { before: string | null; after: string | null };
/** A set-dates step as planned: it relies on each date it changes being still the one it saw. */
const datesStep = (taskId: string, dates: { start?: DateChange; due?: DateChange }) => ({
  kind: 'set-dates',
  taskId,
  ...dates,
  preconditions: {
    ...(dates.start && { startDate: dates.start.before }),
    ...(dates.due && { dueDate: dates.due.before }),
  },
});

describe('the registry', () => {
  it('lists each operation once with its label, role and input schema', () => {
    const ids = bulkOperations.map((operation) => operation.id);
    expect(ids).toEqual([
      'comment-status',
      'comment',
      'assign',
      'unassign',
      'replace-assignee',
      'set-dates',
      'start-wip',
      'set-estimate',
      'set-priority',
    ]);
    for (const operation of bulkOperations) {
      expect(operation.label).not.toBe('');
      expect(typeof operation.input.safeParse).toBe('function');
    }
  });

  it('offers an artist token only comments, a supervisor everything, a vendor nothing', () => {
    expect(operationsFor('user').map((operation) => operation.id)).toEqual(['comment-status', 'comment']);
    expect(operationsFor('supervisor')).toHaveLength(bulkOperations.length);
    expect(operationsFor('manager')).toHaveLength(bulkOperations.length);
    expect(operationsFor('vendor')).toEqual([]);
    expect(operationsFor(undefined)).toEqual([]);
  });

  it.each(bulkOperations.map((operation) => operation.id))('%s refuses an empty selection', (operationId) => {
    const inputs: Record<string, unknown> = {
      'comment-status': { statusId: 'wip', text: 'Go' },
      comment: { text: 'Go' },
      assign: { personId: 'ana' },
      unassign: { personId: 'ana' },
      'replace-assignee': { fromPersonId: 'ana', toPersonId: 'ben' },
      'set-dates': { mode: 'shift', days: 3, fields: ['due'] },
      'start-wip': {},
      'set-estimate': { mode: 'fixed', minutes: 480 },
      'set-priority': { priority: 2 },
    };
    expect(() => bulkOperation(operationId)?.plan(inputs[operationId], contextFor([]))).toThrow(
      new BulkInputError('Select at least one task.'),
    );
  });

  it('validates the input with the operation schema, with a readable reason', () => {
    const tasks = [task({})];
    expect(() => plan('comment', { text: '   ' }, tasks)).toThrow('Write the comment.');
    expect(() => plan('assign', {}, tasks)).toThrow(BulkInputError);
    expect(() => plan('set-dates', { mode: 'shift', days: 0, fields: ['due'] }, tasks)).toThrow(
      'Shift by at least one working day.',
    );
    expect(() => plan('set-priority', { priority: 7 }, tasks)).toThrow(BulkInputError);
    expect(() => plan('replace-assignee', { fromPersonId: 'ana', toPersonId: 'ana' }, tasks)).toThrow(
      'Pick two different people.',
    );
  });
});

describe('comment without a status change', () => {
  it('keeps every status and relies on it', () => {
    const built = plan('comment', { text: 'Note for {entity}' }, [task({ taskId: 'a', statusId: 'wip' })]);
    expect(built.title).toBe('Comment on 1 task');
    expect(strip(built)).toEqual([
      { kind: 'comment', taskId: 'a', text: 'Note for SH0010', preconditions: { statusId: 'wip' } },
    ]);
  });
});

describe('assignees', () => {
  const tasks = [
    task({ taskId: 'a', assigneeIds: ['ana', 'ben'] }),
    task({ taskId: 'b', assigneeIds: ['ben'] }),
    task({ taskId: 'c', assigneeIds: ['chloe', 'ana', 'ben'] }),
    task({ taskId: 'd', assigneeIds: [] }),
  ];

  it('assigns a person only where they are not yet', () => {
    const built = plan('assign', { personId: 'ana' }, tasks);
    expect(built.title).toBe('Assign Ana Lima to 2 tasks');
    expect(strip(built)).toEqual([assigneeStep('assign', 'b', 'ana', ['ben']), assigneeStep('assign', 'd', 'ana', [])]);
    expect(() => plan('assign', { personId: 'ben' }, tasks.slice(0, 3))).toThrow(
      'Ben Ode is already assigned to every selected task.',
    );
  });

  it('unassigns ONE person and keeps the others, relying on the whole list', () => {
    const built = plan('unassign', { personId: 'ana' }, tasks);
    expect(built.title).toBe('Unassign Ana Lima from 2 tasks');
    expect(strip(built)).toEqual([
      assigneeStep('unassign', 'a', 'ana', ['ana', 'ben']),
      assigneeStep('unassign', 'c', 'ana', ['ana', 'ben', 'chloe']),
    ]);
    expect(built.operations.some((op) => op.kind === 'clear-assignation')).toBe(false);
    expect(() => plan('unassign', { personId: 'chloe' }, [tasks[3] as SelectedTask])).toThrow(
      'Chloe Dubois is assigned to none of the selected tasks.',
    );
  });

  it('replaces A by B: assign B then unassign A, and only unassigns where B is already there', () => {
    const built = plan('replace-assignee', { fromPersonId: 'ben', toPersonId: 'chloe' }, tasks);
    expect(built.title).toBe('Replace Ben Ode by Chloe Dubois on 3 tasks');
    expect(strip(built)).toEqual([
      assigneeStep('assign', 'a', 'chloe', ['ana', 'ben']),
      assigneeStep('unassign', 'a', 'ben', ['ana', 'ben', 'chloe']),
      assigneeStep('assign', 'b', 'chloe', ['ben']),
      assigneeStep('unassign', 'b', 'ben', ['ben', 'chloe']),
      // Chloe already works on c: only Ben leaves.
      assigneeStep('unassign', 'c', 'ben', ['ana', 'ben', 'chloe']),
    ]);
  });
});

describe('dates', () => {
  // 2026-11-27 is a Friday, 2026-11-30 a Monday.
  const tasks = [
    task({ taskId: 'fri', dueDate: '2026-11-27', startDate: '2026-11-23' }),
    task({ taskId: 'month-end', dueDate: '2026-12-30' }),
    task({ taskId: 'no-dates' }),
  ];

  it('shifts due dates by working days across weekends, month and year ends', () => {
    const built = plan('set-dates', { mode: 'shift', days: 3, fields: ['due'] }, tasks);
    expect(built.title).toBe('Move dates 3 working days later on 2 tasks');
    expect(strip(built)).toEqual([
      datesStep('fri', { due: { before: '2026-11-27', after: '2026-12-02' } }),
      // Wed 30 Dec → Thu 31, Fri 1 Jan, (weekend), Mon 4 Jan.
      datesStep('month-end', { due: { before: '2026-12-30', after: '2027-01-04' } }),
    ]);
  });

  it('shifts both dates earlier, skipping the weekend backwards', () => {
    const built = plan('set-dates', { mode: 'shift', days: -1, fields: ['start', 'due'] }, [
      task({ taskId: 'mon', startDate: '2026-11-30', dueDate: '2026-12-01' }),
    ]);
    expect(built.title).toBe('Move dates 1 working day earlier on 1 task');
    expect(strip(built)).toEqual([
      datesStep('mon', {
        start: { before: '2026-11-30', after: '2026-11-27' },
        due: { before: '2026-12-01', after: '2026-11-30' },
      }),
    ]);
  });

  it("skips the assignee's days off in Kitsu", () => {
    const built = plan(
      'set-dates',
      { mode: 'shift', days: 2, fields: ['due'] },
      [task({ taskId: 'a', dueDate: '2026-11-27', assigneeIds: ['ana'] })],
      { dayOffs: new Map([['ana', [{ date: '2026-11-30', endDate: '2026-12-01' }]]]) },
    );
    // Mon 30 and Tue 1 are Ana's days off: Wed 2, Thu 3.
    expect(strip(built)[0]).toMatchObject({ due: { before: '2026-11-27', after: '2026-12-03' } });
  });

  it('sets given dates, clears with null, and refuses when nothing changes', () => {
    const built = plan('set-dates', { mode: 'set', dueDate: '2026-12-24', startDate: null }, tasks);
    expect(strip(built)).toEqual([
      datesStep('fri', {
        start: { before: '2026-11-23', after: null },
        due: { before: '2026-11-27', after: '2026-12-24' },
      }),
      datesStep('month-end', { due: { before: '2026-12-30', after: '2026-12-24' } }),
      datesStep('no-dates', { due: { before: null, after: '2026-12-24' } }),
    ]);
    expect(() => plan('set-dates', { mode: 'shift', days: 2, fields: ['start'] }, [tasks[2] as SelectedTask])).toThrow(
      'None of the selected tasks has the dates to shift.',
    );
    expect(() => plan('set-dates', { mode: 'set' }, tasks)).toThrow('Give a start or a due date.');
  });

  it('gives WIP tasks without a start date one (today by default), relying on status and empty date', () => {
    const built = plan('start-wip', {}, [
      task({ taskId: 'wip-none', statusId: 'wip' }),
      task({ taskId: 'wip-dated', statusId: 'wip', startDate: '2026-11-02' }),
      task({ taskId: 'todo-none', statusId: 'todo' }),
    ]);
    expect(strip(built)).toEqual([
      {
        kind: 'set-dates',
        taskId: 'wip-none',
        start: { before: null, after: '2026-11-29' },
        preconditions: { startDate: null, statusId: 'wip' },
      },
    ]);
    expect(plan('start-wip', { startDate: '2026-11-20' }, [task({ statusId: 'wip' })]).title).toBe(
      'Set start date 2026-11-20 on 1 WIP task',
    );
    expect(() => plan('start-wip', {}, [task({ statusId: 'todo' })])).toThrow(
      'No selected task is in progress without a start date.',
    );
  });
});

describe('estimates', () => {
  it('median: middle value, mean of the two middle ones, none for no value', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([60, 120, 240, 480])).toBe(180);
    expect(median([])).toBeNull();
  });

  it('sets a fixed estimate, leaving tasks that have it', () => {
    const built = plan('set-estimate', { mode: 'fixed', minutes: 480 }, [
      task({ taskId: 'a', estimation: 480 }),
      task({ taskId: 'b', estimation: 60 }),
    ]);
    expect(strip(built)).toEqual([
      { kind: 'set-estimate', taskId: 'b', before: 60, after: 480, preconditions: { estimation: 60 } },
    ]);
  });

  it('sets the median of similar tasks (same task type and entity type) on tasks without one', () => {
    const similar = [
      task({ taskId: 's1', estimation: 120 }),
      task({ taskId: 's2', estimation: 240 }),
      task({ taskId: 's3', estimation: 600 }),
      task({ taskId: 'other-type', taskTypeId: 'anim', estimation: 9000 }),
      task({ taskId: 'asset', entityType: 'asset', estimation: 9000 }),
    ];
    const selection = [
      task({ taskId: 'missing' }),
      task({ taskId: 'has-one', estimation: 30 }),
      task({ taskId: 'anim-missing', taskTypeId: 'comp' }),
    ];
    const bulk = bulkOperation('set-estimate');
    const built = bulk?.plan(
      { mode: 'median' },
      contextFor(selection, { productionTasks: [...similar, ...selection] }),
    ) as Plan;
    // Layout shots: 30, 120, 240, 600 → 180. No comp task has an estimate: left out.
    expect(strip(built)).toEqual([
      { kind: 'set-estimate', taskId: 'missing', before: null, after: 180, preconditions: { estimation: null } },
    ]);
  });
});

describe('priority', () => {
  it('sets the priority where it differs, and says so when it changes nothing', () => {
    const built = plan('set-priority', { priority: 2 }, [task({ taskId: 'a' }), task({ taskId: 'b', priority: 2 })]);
    expect(built.title).toBe('Set priority Very high on 1 task');
    expect(strip(built)).toEqual([
      { kind: 'set-priority', taskId: 'a', before: 0, after: 2, preconditions: { priority: 0 } },
    ]);
    expect(() => plan('set-priority', { priority: 0 }, [task({})])).toThrow(
      'The selected tasks already have the priority Normal.',
    );
  });
});

describe('the form each operation declares', () => {
  const operation = (operationId: string) => {
    const found = bulkOperation(operationId);
    if (!found) throw new Error(`no operation ${operationId}`);
    return found;
  };
  const inputOf = (operationId: string, values: Record<string, unknown>) => operation(operationId).inputOf(values);

  it('is plain data the bulk choices can carry, with unique keys and conditions on its own choices', () => {
    for (const { id, fields } of bulkOperations) {
      expect(
        fields.map((field) => formFieldSchema.parse(field)),
        id,
      ).toEqual(fields);
      expect(new Set(fields.map((field) => field.key)).size, id).toBe(fields.length);
      for (const { shownWhen } of fields) {
        if (!shownWhen) continue;
        const choice = fields.find((field) => field.key === shownWhen.key);
        expect(choice?.kind === 'choice' && choice.options.map((option) => option.id), id).toContain(shownWhen.is);
      }
    }
  });

  it('maps the values the panel holds to the operation input', () => {
    expect(inputOf('comment-status', { toStatus: '', text: 'Hi {entity}' })).toEqual({
      statusId: null,
      text: 'Hi {entity}',
    });
    expect(inputOf('comment-status', { toStatus: 'wip', text: 'Go' })).toEqual({ statusId: 'wip', text: 'Go' });
    expect(inputOf('comment', { text: 'Go' })).toEqual({ text: 'Go' });
    expect(inputOf('assign', { person: 'p1' })).toEqual({ personId: 'p1', notice: '' });
    expect(inputOf('unassign', { person: 'p1' })).toEqual({ personId: 'p1' });
    expect(inputOf('replace-assignee', { personFrom: 'p1', personTo: 'p2' })).toEqual({
      fromPersonId: 'p1',
      toPersonId: 'p2',
      notice: '',
    });
    expect(inputOf('set-dates', { datesMode: 'set', startDate: '', dueDate: '2026-12-24' })).toEqual({
      mode: 'set',
      dueDate: '2026-12-24',
    });
    expect(inputOf('set-dates', { datesMode: 'shift', shiftDays: '-2', shiftStart: false, shiftDue: true })).toEqual({
      mode: 'shift',
      days: -2,
      fields: ['due'],
    });
    expect(inputOf('start-wip', { wipStart: '' })).toEqual({});
    expect(inputOf('start-wip', { wipStart: '2026-12-01' })).toEqual({ startDate: '2026-12-01' });
    expect(inputOf('set-estimate', { estimateMode: 'fixed', estimateHours: '1.5', estimateMissing: true })).toEqual({
      mode: 'fixed',
      minutes: 90,
      onlyMissing: true,
    });
    expect(inputOf('set-estimate', { estimateMode: 'median', estimateHours: '3', estimateMissing: false })).toEqual({
      mode: 'median',
      onlyMissing: false,
    });
    expect(inputOf('set-priority', { priority: '3' })).toEqual({ priority: 3 });
  });

  it('gives a field left out its default, and refuses a value none of its fields can hold', () => {
    expect(inputOf('set-dates', {})).toEqual({ mode: 'shift', days: 1, fields: ['start', 'due'] });
    expect(inputOf('set-estimate', {})).toEqual({ mode: 'fixed', minutes: 480, onlyMissing: false });
    expect(inputOf('set-priority', {})).toEqual({ priority: 1 });
    expect(() => inputOf('set-priority', { priority: '9' })).toThrow(
      new BulkInputError('“priority” is not a valid input of “Set priority”.'),
    );
    expect(() => inputOf('set-dates', { datesMode: 'sideways' })).toThrow(BulkInputError);
    expect(() => inputOf('set-dates', { shiftStart: 'no' })).toThrow(BulkInputError);
    expect(() => inputOf('set-dates', { shiftDays: 4 })).toThrow(BulkInputError);
    expect(() => inputOf('comment', { text: ['Hi'] })).toThrow(BulkInputError);
    expect(() => inputOf('comment', { text: 'Hi', toStatus: 'st-done' })).toThrow(
      new BulkInputError('“toStatus” is not a valid input of “Comment without changing the status”.'),
    );
  });

  it('holds, in the panel, the default of a field whose held value does not fit it', () => {
    const { fields } = operation('set-dates');
    expect(formValues(fields, { datesMode: 'sideways', shiftStart: 'no', shiftDays: 4, other: 'x' })).toEqual({
      datesMode: 'shift',
      shiftDays: '1',
      shiftStart: true,
      shiftDue: true,
      startDate: '',
      dueDate: '',
    });
  });

  it('names what is missing exactly when its defaults are not a valid input', () => {
    for (const { id, fields, input, inputOf: toInput } of bulkOperations) {
      const defaults = formValues(fields, {});
      expect(missingInput(fields, defaults) === null, id).toBe(input.safeParse(toInput(defaults)).success);
    }
    expect(missingInput(operation('comment').fields, formValues(operation('comment').fields, {}))).toBe(
      'Write the comment.',
    );
    const estimate = operation('set-estimate').fields;
    expect(missingInput(estimate, formValues(estimate, { estimateHours: ' ' }))).toBe('Give the estimate in hours.');
    // A hidden field is not asked for.
    expect(missingInput(estimate, formValues(estimate, { estimateMode: 'median', estimateHours: '' }))).toBeNull();
  });

  it('says how many working days a valid input moves dates by, so day-offs are read for a shift only', () => {
    const dates = operation('set-dates');
    expect(dates.workingDaysShift({ mode: 'shift', days: -3, fields: ['due'] })).toBe(-3);
    expect(dates.workingDaysShift({ mode: 'set', dueDate: '2026-12-24' })).toBe(0);
    expect(dates.workingDaysShift({ mode: 'shift', days: 0, fields: ['due'] })).toBe(0);
    expect(operation('set-priority').workingDaysShift({ priority: 2 })).toBe(0);
  });
});
