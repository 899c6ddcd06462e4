import { t } from '../../lib/i18n/page';
import { PRIORITY_NAMES } from '../../lib/i18n/priority-names';
import type { AnswerOf, SidekickRequest } from '../../lib/messaging/protocol';
import { Check, Choice } from './bulk-form';

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

export const EMPTY_FILTER: FilterFields = {
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

const PRIORITIES = PRIORITY_NAMES.map((name, priority) => ({ id: String(priority), name: t(name) }));

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

export type SetFilterField = <K extends keyof FilterFields>(key: K) => (value: FilterFields[K]) => void;

type Named = { id: string; name: string };
type SelectFilter = {
  key: 'taskTypeId' | 'statusId' | 'assignee' | 'departmentId' | 'sequenceId' | 'priority';
  label: string;
  testId: string;
  none: string | null;
  options: readonly Named[];
};

/** The filters that pick one of a list; a list the production does not use (no departments, say) is left out. */
function selectFilters(choices: AnswerOf<'bulk/choices'>): SelectFilter[] {
  const filters: (SelectFilter | false)[] = [
    {
      key: 'taskTypeId',
      label: t('bulkTaskType'),
      testId: 'bulk-task-type',
      none: choices.taskTypes.length > 1 ? t('bulkAllTaskTypes') : null,
      options: choices.taskTypes,
    },
    {
      key: 'statusId',
      label: t('bulkOnlyIn'),
      testId: 'bulk-from-status',
      none: t('bulkAnyStatus'),
      options: choices.statuses,
    },
    {
      key: 'assignee',
      label: t('bulkAssignedTo'),
      testId: 'bulk-assignee',
      none: t('bulkAnyone'),
      options: [{ id: 'unassigned', name: t('bulkNobody') }, ...choices.persons],
    },
    choices.departments.length > 0 && {
      key: 'departmentId',
      label: t('bulkDepartment'),
      testId: 'bulk-department',
      none: t('bulkAnyDepartment'),
      options: choices.departments,
    },
    choices.sequences.length > 0 && {
      key: 'sequenceId',
      label: t('bulkSequence'),
      testId: 'bulk-sequence',
      none: t('bulkAnySequence'),
      options: choices.sequences,
    },
    {
      key: 'priority',
      label: t('bulkPriority'),
      testId: 'bulk-priority-filter',
      none: t('bulkAnyPriority'),
      options: PRIORITIES,
    },
  ];
  return filters.filter((filter): filter is SelectFilter => filter !== false);
}

/** Which of the page's tasks the operation applies to: every filter empty means all of them. */
export function TaskFilters({
  choices,
  filter,
  set,
}: {
  choices: AnswerOf<'bulk/choices'>;
  filter: FilterFields;
  set: SetFilterField;
}) {
  const text = (key: 'dueBefore' | 'dueAfter' | 'text') => (event: { currentTarget: { value: string } }) =>
    set(key)(event.currentTarget.value);
  return (
    <details class="sk-bulk__filters" open>
      <summary>{t('bulkWhichTasks')}</summary>
      {selectFilters(choices).map(({ key, ...select }) => (
        <Choice key={key} {...select} value={filter[key]} onChange={set(key)} />
      ))}
      <label>
        {t('bulkDueBefore')}
        <input type="date" value={filter.dueBefore} onInput={text('dueBefore')} data-testid="bulk-due-before" />
      </label>
      <label>
        {t('bulkDueAfter')}
        <input type="date" value={filter.dueAfter} onInput={text('dueAfter')} data-testid="bulk-due-after" />
      </label>
      <Check label={t('bulkOverdue')} testId="bulk-overdue" checked={filter.overdue} onChange={set('overdue')} />
      <label>
        {t('bulkNameContains')}
        <input value={filter.text} onInput={text('text')} data-testid="bulk-name" />
      </label>
    </details>
  );
}
