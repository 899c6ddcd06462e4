import { useEffect, useState } from 'preact/hooks';
import { askWith, failureText } from '../../lib/messaging/client';
import {
  type AnswerOf,
  bulkChoicesAnswer,
  bulkSelectAnswer,
  planProposalAnswer,
  type SidekickRequest,
} from '../../lib/messaging/protocol';
import { useReadFailure } from './read-failure';
import type { FeatureProps } from './types';

type Choices = AnswerOf<'bulk/choices'>;
type Selection = AnswerOf<'bulk/select'>;
export type BulkFilter = Extract<SidekickRequest, { type: 'bulk/select' }>['filter'];

/** What the person typed in the filter fields: strings, as form fields hold them. */
export type FilterFields = {
  taskTypeId: string;
  statusId: string;
  assignee: string;
  departmentId: string;
  sequenceId: string;
  priority: string;
  dueBefore: string;
  dueAfter: string;
  overdue: boolean;
  text: string;
};

/** The operation-specific fields; each operation reads the ones it needs. */
export type InputFields = {
  toStatusId: string;
  text: string;
  personId: string;
  fromPersonId: string;
  toPersonId: string;
  datesMode: 'shift' | 'set';
  shiftDays: string;
  shiftStart: boolean;
  shiftDue: boolean;
  startDate: string;
  dueDate: string;
  wipStartDate: string;
  estimateMode: 'fixed' | 'median';
  estimateHours: string;
  estimateOnlyMissing: boolean;
  priority: string;
};

const EMPTY_FILTER: FilterFields = {
  taskTypeId: '',
  statusId: '',
  assignee: '',
  departmentId: '',
  sequenceId: '',
  priority: '',
  dueBefore: '',
  dueAfter: '',
  overdue: false,
  text: '',
};

const EMPTY_INPUT: InputFields = {
  toStatusId: '',
  text: '',
  personId: '',
  fromPersonId: '',
  toPersonId: '',
  datesMode: 'shift',
  shiftDays: '1',
  shiftStart: true,
  shiftDue: true,
  startDate: '',
  dueDate: '',
  wipStartDate: '',
  estimateMode: 'fixed',
  estimateHours: '8',
  estimateOnlyMissing: false,
  priority: '1',
};

const PRIORITIES = [
  { id: '0', name: 'Normal' },
  { id: '1', name: 'High' },
  { id: '2', name: 'Very high' },
  { id: '3', name: 'Emergency' },
];
const LIVE_COUNT_DELAY_MS = 250;

/** The filters as the bulk messages carry them: empty fields are left out. */
export function filterOf(fields: FilterFields): BulkFilter {
  return {
    ...(fields.taskTypeId ? { taskTypeId: fields.taskTypeId } : {}),
    ...(fields.statusId ? { statusId: fields.statusId } : {}),
    ...(fields.assignee ? { assignee: fields.assignee } : {}),
    ...(fields.departmentId ? { departmentId: fields.departmentId } : {}),
    ...(fields.sequenceId ? { sequenceId: fields.sequenceId } : {}),
    ...(fields.priority ? { priority: Number(fields.priority) } : {}),
    ...(fields.dueBefore ? { dueBefore: fields.dueBefore } : {}),
    ...(fields.dueAfter ? { dueAfter: fields.dueAfter } : {}),
    ...(fields.overdue ? { overdue: true } : {}),
    ...(fields.text.trim() ? { text: fields.text.trim() } : {}),
  };
}

/** The operation's input from the form; the background validates it with the operation's schema. */
export function inputOf(operationId: string, fields: InputFields): Record<string, unknown> {
  switch (operationId) {
    case 'comment-status':
      return { statusId: fields.toStatusId || null, text: fields.text };
    case 'comment':
      return { text: fields.text };
    case 'assign':
    case 'unassign':
      return { personId: fields.personId };
    case 'replace-assignee':
      return { fromPersonId: fields.fromPersonId, toPersonId: fields.toPersonId };
    case 'set-dates':
      return fields.datesMode === 'shift'
        ? {
            mode: 'shift',
            days: Number(fields.shiftDays),
            fields: [...(fields.shiftStart ? ['start'] : []), ...(fields.shiftDue ? ['due'] : [])],
          }
        : {
            mode: 'set',
            ...(fields.startDate ? { startDate: fields.startDate } : {}),
            ...(fields.dueDate ? { dueDate: fields.dueDate } : {}),
          };
    case 'start-wip':
      return fields.wipStartDate ? { startDate: fields.wipStartDate } : {};
    case 'set-estimate':
      return fields.estimateMode === 'fixed'
        ? {
            mode: 'fixed',
            minutes: Math.round(Number(fields.estimateHours) * 60),
            onlyMissing: fields.estimateOnlyMissing,
          }
        : { mode: 'median', onlyMissing: fields.estimateOnlyMissing };
    case 'set-priority':
      return { priority: Number(fields.priority) };
    default:
      return {};
  }
}

/**
 * Bulk helpers on the tasks of this list: pick an operation, narrow the tasks with filters (live
 * count and a sample), and review the plan in Sidekick's confirm window. It only proposes: nothing
 * is written to Kitsu before a person confirms there.
 */
export function BulkHelpers({ context, signal, dataVersion, onReadFailed }: FeatureProps) {
  const [choices, setChoices] = useState<Choices | null>(null);
  const [operationId, setOperationId] = useState('');
  const [filter, setFilter] = useState<FilterFields>(EMPTY_FILTER);
  const [input, setInput] = useState<InputFields>(EMPTY_INPUT);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const read = useReadFailure(setMessage, onReadFailed);

  useEffect(() => {
    askWith(bulkChoicesAnswer, { type: 'bulk/choices', url: location.href })
      .then((answer) => {
        if (signal.aborted) return;
        setChoices(answer);
        read.succeeded();
        setOperationId((current) => current || (answer.operations[0]?.id ?? ''));
        if (answer.taskTypes.length === 1) {
          setFilter((current) => ({ ...current, taskTypeId: answer.taskTypes[0]?.id ?? '' }));
        }
      })
      .catch((error: unknown) => !signal.aborted && read.failed(error));
  }, [signal, dataVersion]);

  const filterKey = JSON.stringify(filterOf(filter));
  useEffect(() => {
    if (!choices) return;
    const timer = setTimeout(() => {
      askWith(bulkSelectAnswer, { type: 'bulk/select', url: location.href, filter: JSON.parse(filterKey) })
        .then((answer) => {
          if (signal.aborted) return;
          setSelection(answer);
          read.succeeded();
        })
        .catch((error: unknown) => !signal.aborted && read.failed(error));
    }, LIVE_COUNT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [choices, filterKey, signal, dataVersion]);

  const setFilterField =
    <K extends keyof FilterFields>(key: K) =>
    (value: FilterFields[K]) =>
      setFilter((current) => ({ ...current, [key]: value }));
  const setInputField =
    <K extends keyof InputFields>(key: K) =>
    (value: InputFields[K]) =>
      setInput((current) => ({ ...current, [key]: value }));

  async function propose(event: Event) {
    event.preventDefault();
    setBusy(true);
    setMessage('Reading the tasks from Kitsu…');
    try {
      const answer = await askWith(planProposalAnswer, {
        type: 'bulk/propose',
        url: location.href,
        operationId,
        filter: filterOf(filter),
        input: inputOf(operationId, input),
      });
      setMessage(
        `A plan of ${answer.operationCount} change${answer.operationCount > 1 ? 's' : ''} is waiting for your confirmation in Sidekick’s window.`,
      );
    } catch (error) {
      setMessage(failureText(error));
    } finally {
      setBusy(false);
    }
  }

  if (!choices) return <p class="sk-muted">{message || 'Loading…'}</p>;
  if (choices.operations.length === 0) {
    return (
      <p class="sk-muted" data-testid="bulk-helpers-none">
        Sidekick’s Kitsu role ({choices.role ?? 'unknown'}) may not change tasks: no bulk operation is offered.
      </p>
    );
  }
  const people = choices.persons;
  const needsText = operationId === 'comment-status' || operationId === 'comment';
  const empty = selection?.count === 0;
  return (
    <form
      class="sk-bulk"
      onSubmit={propose}
      data-testid="bulk-helpers"
      data-operation={operationId}
      data-page-kind={context.kind}
    >
      <Choice
        label="Operation"
        testId="bulk-operation"
        value={operationId}
        onChange={setOperationId}
        none={null}
        options={choices.operations.map(({ id, label }) => ({ id, name: label }))}
      />
      <details class="sk-bulk__filters" open>
        <summary>Which tasks</summary>
        <Choice
          label="Task type"
          testId="bulk-task-type"
          value={filter.taskTypeId}
          onChange={setFilterField('taskTypeId')}
          none={choices.taskTypes.length > 1 ? 'All task types' : null}
          options={choices.taskTypes}
        />
        <Choice
          label="Only tasks in"
          testId="bulk-from-status"
          value={filter.statusId}
          onChange={setFilterField('statusId')}
          none="any status"
          options={choices.statuses}
        />
        <Choice
          label="Assigned to"
          testId="bulk-assignee"
          value={filter.assignee}
          onChange={setFilterField('assignee')}
          none="anyone or nobody"
          options={[{ id: 'unassigned', name: 'nobody (unassigned)' }, ...people]}
        />
        {choices.departments.length > 0 ? (
          <Choice
            label="Department"
            testId="bulk-department"
            value={filter.departmentId}
            onChange={setFilterField('departmentId')}
            none="any department"
            options={choices.departments}
          />
        ) : null}
        {choices.sequences.length > 0 ? (
          <Choice
            label="Sequence"
            testId="bulk-sequence"
            value={filter.sequenceId}
            onChange={setFilterField('sequenceId')}
            none="any sequence"
            options={choices.sequences}
          />
        ) : null}
        <Choice
          label="Priority"
          testId="bulk-priority-filter"
          value={filter.priority}
          onChange={setFilterField('priority')}
          none="any priority"
          options={PRIORITIES}
        />
        <label>
          Due before
          <input
            type="date"
            value={filter.dueBefore}
            onInput={(event) => setFilterField('dueBefore')(event.currentTarget.value)}
            data-testid="bulk-due-before"
          />
        </label>
        <label>
          Due after
          <input
            type="date"
            value={filter.dueAfter}
            onInput={(event) => setFilterField('dueAfter')(event.currentTarget.value)}
            data-testid="bulk-due-after"
          />
        </label>
        <Check
          label="Overdue only"
          testId="bulk-overdue"
          checked={filter.overdue}
          onChange={setFilterField('overdue')}
        />
        <label>
          Name contains
          <input
            value={filter.text}
            onInput={(event) => setFilterField('text')(event.currentTarget.value)}
            data-testid="bulk-name"
          />
        </label>
      </details>
      <SelectionSummary selection={selection} />
      <OperationInputs operationId={operationId} choices={choices} input={input} set={setInputField} />
      <button
        type="submit"
        class="sk-dock__action"
        disabled={busy || empty || (needsText && !input.text.trim())}
        data-testid="bulk-preview"
      >
        Review plan…
      </button>
      <p role="status" class="sk-muted" data-testid="bulk-message">
        {message}
      </p>
    </form>
  );
}

function SelectionSummary({ selection }: { selection: Selection | null }) {
  if (!selection) return <p class="sk-muted">Counting the tasks…</p>;
  const more = selection.count - selection.sample.length;
  return (
    <div data-testid="bulk-selection" data-count={selection.count}>
      <p data-testid="bulk-count">
        {selection.count === 0
          ? 'No task matches: change the filters.'
          : `${selection.count} task${selection.count > 1 ? 's' : ''} match.`}
      </p>
      {selection.sample.length > 0 ? (
        <p class="sk-muted" data-testid="bulk-sample">
          {selection.sample.join(', ')}
          {more > 0 ? ` and ${more} more` : ''}
        </p>
      ) : null}
      {selection.warnings.map((warning) => (
        <p key={warning} class="sk-warning" data-testid="bulk-warning">
          {warning}
        </p>
      ))}
    </div>
  );
}

function OperationInputs(props: {
  operationId: string;
  choices: Choices;
  input: InputFields;
  set: <K extends keyof InputFields>(key: K) => (value: InputFields[K]) => void;
}) {
  const { choices, input, set } = props;
  const person = (label: string, testId: string, key: 'personId' | 'fromPersonId' | 'toPersonId') => (
    <Choice
      label={label}
      testId={testId}
      value={input[key]}
      onChange={set(key)}
      none="pick a person"
      options={choices.persons}
    />
  );
  const comment = (
    <label>
      Comment ({'{entity}'}, {'{task_type}'} and {'{assignee}'} are replaced per task)
      <textarea
        value={input.text}
        onInput={(event) => set('text')(event.currentTarget.value)}
        rows={3}
        required
        data-testid="bulk-text"
      />
    </label>
  );
  switch (props.operationId) {
    case 'comment-status':
      return (
        <fieldset class="sk-bulk__inputs" data-testid="bulk-inputs">
          <Choice
            label="Set status"
            testId="bulk-to-status"
            value={input.toStatusId}
            onChange={set('toStatusId')}
            none="keep each task’s status"
            options={choices.statuses}
          />
          {comment}
        </fieldset>
      );
    case 'comment':
      return (
        <fieldset class="sk-bulk__inputs" data-testid="bulk-inputs">
          {comment}
        </fieldset>
      );
    case 'assign':
    case 'unassign':
      return (
        <fieldset class="sk-bulk__inputs" data-testid="bulk-inputs">
          {person(props.operationId === 'assign' ? 'Assign' : 'Unassign', 'bulk-person', 'personId')}
        </fieldset>
      );
    case 'replace-assignee':
      return (
        <fieldset class="sk-bulk__inputs" data-testid="bulk-inputs">
          {person('Replace', 'bulk-person-from', 'fromPersonId')}
          {person('By', 'bulk-person-to', 'toPersonId')}
        </fieldset>
      );
    case 'set-dates':
      return (
        <fieldset class="sk-bulk__inputs" data-testid="bulk-inputs">
          <Choice
            label="Dates"
            testId="bulk-dates-mode"
            value={input.datesMode}
            onChange={(value) => set('datesMode')(value === 'set' ? 'set' : 'shift')}
            none={null}
            options={[
              { id: 'shift', name: 'Shift by working days' },
              { id: 'set', name: 'Set to given dates' },
            ]}
          />
          {input.datesMode === 'shift' ? (
            <>
              <label>
                Working days (negative: earlier; weekends and days off are skipped)
                <input
                  type="number"
                  step={1}
                  value={input.shiftDays}
                  onInput={(event) => set('shiftDays')(event.currentTarget.value)}
                  data-testid="bulk-shift-days"
                />
              </label>
              <Check
                label="Start dates"
                testId="bulk-shift-start"
                checked={input.shiftStart}
                onChange={set('shiftStart')}
              />
              <Check label="Due dates" testId="bulk-shift-due" checked={input.shiftDue} onChange={set('shiftDue')} />
            </>
          ) : (
            <>
              <label>
                Start date (empty: unchanged)
                <input
                  type="date"
                  value={input.startDate}
                  onInput={(event) => set('startDate')(event.currentTarget.value)}
                  data-testid="bulk-start-date"
                />
              </label>
              <label>
                Due date (empty: unchanged)
                <input
                  type="date"
                  value={input.dueDate}
                  onInput={(event) => set('dueDate')(event.currentTarget.value)}
                  data-testid="bulk-due-date"
                />
              </label>
            </>
          )}
        </fieldset>
      );
    case 'start-wip':
      return (
        <fieldset class="sk-bulk__inputs" data-testid="bulk-inputs">
          <label>
            Start date (empty: today)
            <input
              type="date"
              value={input.wipStartDate}
              onInput={(event) => set('wipStartDate')(event.currentTarget.value)}
              data-testid="bulk-wip-start"
            />
          </label>
        </fieldset>
      );
    case 'set-estimate':
      return (
        <fieldset class="sk-bulk__inputs" data-testid="bulk-inputs">
          <Choice
            label="Estimate"
            testId="bulk-estimate-mode"
            value={input.estimateMode}
            onChange={(value) => set('estimateMode')(value === 'median' ? 'median' : 'fixed')}
            none={null}
            options={[
              { id: 'fixed', name: 'A fixed estimate' },
              { id: 'median', name: 'The median of similar tasks' },
            ]}
          />
          {input.estimateMode === 'fixed' ? (
            <label>
              Hours
              <input
                type="number"
                min={0}
                step={0.5}
                value={input.estimateHours}
                onInput={(event) => set('estimateHours')(event.currentTarget.value)}
                data-testid="bulk-estimate-hours"
              />
            </label>
          ) : null}
          <Check
            label="Only tasks without an estimate"
            testId="bulk-estimate-missing"
            checked={input.estimateOnlyMissing}
            onChange={set('estimateOnlyMissing')}
          />
        </fieldset>
      );
    case 'set-priority':
      return (
        <fieldset class="sk-bulk__inputs" data-testid="bulk-inputs">
          <Choice
            label="Priority"
            testId="bulk-priority"
            value={input.priority}
            onChange={set('priority')}
            none={null}
            options={PRIORITIES}
          />
        </fieldset>
      );
    default:
      return null;
  }
}

function Check(props: { label: string; testId: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="sk-bulk__check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
        data-testid={props.testId}
      />
      {props.label}
    </label>
  );
}

/** A labelled select over named Kitsu things; `none` is the empty choice's wording (null: no empty choice). */
function Choice(props: {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  none: string | null;
  options: readonly { id: string; name: string }[];
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        data-testid={props.testId}
      >
        {props.none === null ? null : <option value="">{props.none}</option>}
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
