import { useEffect, useState } from 'preact/hooks';
import type { FeatureProps } from '../../lib/dock/feature';
import { type FormValue, type FormValues, formValues, missingInput } from '../../lib/forms/fields';
import { t } from '../../lib/i18n/page';
import { askWith, failureText } from '../../lib/messaging/client';
import { type AnswerOf, bulkChoicesAnswer, bulkSelectAnswer, planProposalAnswer } from '../../lib/messaging/protocol';
import { Skeleton } from '../ui/chips';
import {
  type BulkFilter,
  EMPTY_FILTER,
  type FilterFields,
  filterOf,
  type SetFilterField,
  TaskFilters,
} from './bulk-filters';
import { Choice, OperationFields } from './bulk-form';
import { useReadFailure } from './read-failure';

type Choices = AnswerOf<'bulk/choices'>;
/** The live count, and whether it is for the filters shown now (false while a newer count is asked). */
type Selection = AnswerOf<'bulk/select'> & { current: boolean };

const LIVE_COUNT_DELAY_MS = 250;

type ReadFailure = ReturnType<typeof useReadFailure>;

/** The operations, lists and people the background offers on this page; re-read when Kitsu's data changes. */
function useChoices(
  { signal, dataVersion }: Pick<FeatureProps, 'signal' | 'dataVersion'>,
  read: ReadFailure,
  onRead: (choices: Choices) => void,
): Choices | null {
  const [choices, setChoices] = useState<Choices | null>(null);
  useEffect(() => {
    askWith(bulkChoicesAnswer, { type: 'bulk/choices', url: location.href })
      .then((answer) => {
        if (signal.aborted) return;
        setChoices(answer);
        read.succeeded();
        onRead(answer);
      })
      .catch((error: unknown) => !signal.aborted && read.failed(error));
  }, [signal, dataVersion]);
  return choices;
}

/** The live count and sample under the filters, asked a moment after the person stops typing. */
function useLiveSelection(
  { signal, dataVersion }: Pick<FeatureProps, 'signal' | 'dataVersion'>,
  read: ReadFailure,
  choices: Choices | null,
  filter: BulkFilter,
): Selection | null {
  const [selection, setSelection] = useState<(AnswerOf<'bulk/select'> & { filterKey: string }) | null>(null);
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    if (!choices) return;
    const timer = setTimeout(() => {
      askWith(bulkSelectAnswer, { type: 'bulk/select', url: location.href, filter: JSON.parse(filterKey) })
        .then((answer) => {
          if (signal.aborted) return;
          setSelection({ ...answer, filterKey });
          read.succeeded();
        })
        .catch((error: unknown) => !signal.aborted && read.failed(error));
    }, LIVE_COUNT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [choices, filterKey, signal, dataVersion]);
  return selection && { ...selection, current: selection.filterKey === filterKey };
}

/** Asks the background for the plan; what to tell the person once it waits in the confirm window. */
async function proposePlan(operationId: string, filter: BulkFilter, values: FormValues): Promise<string> {
  const answer = await askWith(planProposalAnswer, {
    type: 'bulk/propose',
    url: location.href,
    operationId,
    filter,
    values,
  });
  return t('planWaiting', { count: answer.operationCount });
}

/**
 * Bulk helpers on the tasks of this list: pick an operation, narrow the tasks with filters (live
 * count and a sample), fill the operation's fields (as it declares them), and review the plan in
 * Sidekick's confirm window. It only proposes: nothing is written to Kitsu before a person confirms there.
 */
export function BulkHelpers({ context, signal, dataVersion, onReadFailed }: FeatureProps) {
  const [operationId, setOperationId] = useState('');
  const [filter, setFilter] = useState<FilterFields>(EMPTY_FILTER);
  /** What the person entered in the operations' fields, by key: kept when they switch operation. */
  const [held, setHeld] = useState<Readonly<Record<string, FormValue>>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const read = useReadFailure(setMessage, onReadFailed);
  const choices = useChoices({ signal, dataVersion }, read, (answer) => {
    setOperationId((current) => current || (answer.operations[0]?.id ?? ''));
    const [only, ...others] = answer.taskTypes;
    if (only && others.length === 0) setFilter((current) => ({ ...current, taskTypeId: only.id }));
  });
  const selection = useLiveSelection({ signal, dataVersion }, read, choices, filterOf(filter));
  const setFilterField: SetFilterField = (key) => (value) => setFilter((current) => ({ ...current, [key]: value }));
  const operation = choices?.operations.find((candidate) => candidate.id === operationId);
  const values = formValues(operation?.fields ?? [], held);

  async function propose(event: Event) {
    event.preventDefault();
    setBusy(true);
    setMessage(t('readingTasks'));
    await proposePlan(operationId, filterOf(filter), values)
      .then(setMessage, (error: unknown) => setMessage(failureText(error)))
      .finally(() => setBusy(false));
  }

  if (!choices) return message ? <p class="sk-muted">{message}</p> : <Skeleton lines={4} label={t('bulkReading')} />;
  if (choices.operations.length === 0) {
    return (
      <p class="sk-muted" data-testid="bulk-helpers-none">
        {t('bulkNoOperation', { role: choices.role ?? t('roleUnknown') })}
      </p>
    );
  }
  const missing = operation ? missingInput(operation.fields, values) : null;
  return (
    <form
      class="sk-bulk"
      onSubmit={propose}
      data-testid="bulk-helpers"
      data-operation={operationId}
      data-page-kind={context.kind}
    >
      <Choice
        label={t('bulkOperation')}
        testId="bulk-operation"
        value={operationId}
        onChange={setOperationId}
        none={null}
        options={choices.operations.map(({ id, label }) => ({ id, name: label }))}
      />
      <TaskFilters choices={choices} filter={filter} set={setFilterField} />
      <SelectionSummary selection={selection} />
      <OperationFields
        fields={operation?.fields ?? []}
        values={values}
        lists={choices}
        set={(key, value) => setHeld((current) => ({ ...current, [key]: value }))}
      />
      <MissingInput missing={missing} />
      <button
        type="submit"
        class="sk-dock__action"
        disabled={busy || selection?.count === 0 || missing !== null}
        aria-describedby={missing ? 'sk-bulk-missing' : undefined}
        data-testid="bulk-preview"
      >
        {t('reviewPlan')}
      </button>
      <p role="status" class="sk-muted" data-testid="bulk-message">
        {message}
      </p>
    </form>
  );
}

/** Why the plan cannot be reviewed yet: the first required field left empty. */
function MissingInput({ missing }: { missing: string | null }) {
  if (!missing) return null;
  return (
    <p class="sk-muted" id="sk-bulk-missing" data-testid="bulk-missing">
      {missing}
    </p>
  );
}

function SelectionSummary({ selection }: { selection: Selection | null }) {
  if (!selection) return <p class="sk-muted">{t('bulkCounting')}</p>;
  const more = selection.count - selection.sample.length;
  return (
    // Busy while the count for the filters just changed is asked: it may grow or shrink the sample.
    <div data-testid="bulk-selection" data-count={selection.count} aria-busy={selection.current ? 'false' : 'true'}>
      <p data-testid="bulk-count">
        {selection.count === 0 ? t('bulkNoMatch') : t('bulkMatch', { count: selection.count })}
      </p>
      {selection.sample.length > 0 ? (
        <p class="sk-muted" data-testid="bulk-sample">
          {more > 0
            ? t('bulkSampleMore', { sample: selection.sample.join(', '), count: more })
            : selection.sample.join(', ')}
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
