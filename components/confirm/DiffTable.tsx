import { useMemo, useState } from 'preact/hooks';
import { type MessageName, t } from '../../lib/i18n';
import type { PlanPreview } from '../../lib/messaging/protocol';
import {
  fieldName,
  filterChoices,
  filterRows,
  type Grouping,
  groupRows,
  NO_FILTER,
  planColumns,
  type ReviewFilter,
  type ReviewRow,
  reviewRows,
} from '../../lib/plans/review';
import { EmptyState, type StatusColours, StatusStyles, statusColours } from '../ui/chips';
import { ChangeCell } from './ChangeCell';
import { ReviewFilters } from './ReviewFilters';
import { TaskCell, TaskNotes, TaskResult } from './TaskCells';

/** A plan of a thousand tasks is read page by page; the summary above counts them all. */
const TASKS_PER_PAGE = 100;

export type TaskResults = ReadonlyMap<string, { state: string; reason: string | null }>;

/** The plan's tasks as a table: one row per task, one column per field it changes, before → after. */
export function DiffTable({ preview, results }: { preview: PlanPreview; results: TaskResults | null }) {
  const rows = useMemo(() => reviewRows(preview), [preview]);
  const statuses = useMemo(() => statusColours(preview.statuses ?? []), [preview]);
  const [filter, setFilter] = useState<ReviewFilter>(NO_FILTER);
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [page, setPage] = useState(0);
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const columns = useMemo(() => planColumns(rows), [rows]);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const pageCount = Math.ceil(shown.length / TASKS_PER_PAGE);
  const onFilter = (next: ReviewFilter) => {
    setFilter(next);
    setPage(0);
  };
  return (
    <section aria-labelledby="sk-changes" class="sk-diff">
      <StatusStyles statuses={statuses} />
      <h2 id="sk-changes">
        {t('confirmChangesHeading', {
          changes: t('confirmChanges', { count: preview.operationCount }),
          count: preview.tasks.length,
        })}
      </h2>
      <ChangeSummary preview={preview} />
      <ReviewFilters
        choices={choices}
        filter={filter}
        grouping={grouping}
        onFilter={onFilter}
        onGrouping={setGrouping}
        shown={shown.length}
        total={rows.length}
      />
      <Pager page={page} pageCount={pageCount} onPage={setPage} />
      {shown.length === 0 ? (
        <EmptyState title={t('filterNoMatch')} action={t('filterNoMatchAction')} />
      ) : (
        <table class="sk-diff__table" data-testid="plan-tasks">
          <thead>
            <tr>
              <th scope="col">{t('confirmColumnTask')}</th>
              {columns.map((field) => (
                <th key={field} scope="col" data-field={field}>
                  {fieldName(field)}
                </th>
              ))}
              <th scope="col">{t('confirmColumnAlso')}</th>
              {results ? <th scope="col">{t('confirmColumnResult')}</th> : null}
            </tr>
          </thead>
          {groupRows(shown.slice(page * TASKS_PER_PAGE, (page + 1) * TASKS_PER_PAGE), grouping).map((group) => (
            <tbody key={group.key} data-group={group.key}>
              {group.label ? (
                <tr class="sk-diff__group">
                  <th scope="rowgroup" colSpan={columns.length + (results ? 3 : 2)}>
                    {group.label} <span class="sk-muted">({t('tasksCount', { count: group.rows.length })})</span>
                  </th>
                </tr>
              ) : null}
              {group.rows.map((row) => (
                <TaskRow key={row.taskId} row={row} columns={columns} statuses={statuses} results={results} />
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

type TaskRowProps = { row: ReviewRow; columns: string[]; statuses: StatusColours; results: TaskResults | null };

function TaskRow({ row, columns, statuses, results }: TaskRowProps) {
  return (
    <tr data-testid="plan-task" data-task-id={row.taskId} class={row.blocked ? 'sk-diff__row--blocked' : undefined}>
      <TaskCell row={row} statuses={statuses} />
      {columns.map((field) =>
        row.cells[field] ? (
          <ChangeCell key={field} lines={row.cells[field]} statuses={statuses} />
        ) : (
          <td key={field} class="sk-diff__cell sk-diff__cell--same" aria-label={t('confirmUnchanged')} />
        ),
      )}
      <TaskNotes row={row} />
      {results ? <TaskResult result={results.get(row.taskId)} /> : null}
    </tr>
  );
}

const CHANGE_COUNTS: Record<string, MessageName> = {
  status: 'countStatus',
  comment: 'countComment',
  assignees: 'countAssignees',
  start: 'countStart',
  due: 'countDue',
  estimate: 'countEstimate',
  priority: 'countPriority',
  file: 'countFile',
};
const changeCount = (field: string, count: number) => {
  const name = CHANGE_COUNTS[field];
  return name ? t(name, { count }) : `${count} ${field}`;
};

/** How many changes of each kind the whole plan makes, whatever page is shown. */
function ChangeSummary({ preview }: { preview: PlanPreview }) {
  const counts = new Map<string, number>();
  for (const task of preview.tasks) {
    for (const line of task.lines) counts.set(line.field, (counts.get(line.field) ?? 0) + 1);
  }
  return (
    <p class="sk-muted" data-testid="plan-change-counts">
      {[...counts].map(([field, count]) => changeCount(field, count)).join(', ')}.
    </p>
  );
}

function Pager(props: { page: number; pageCount: number; onPage: (page: number) => void }) {
  if (props.pageCount <= 1) return null;
  return (
    <nav class="sk-pager" aria-label={t('pagerLabel')} data-testid="plan-pager">
      <button type="button" disabled={props.page === 0} onClick={() => props.onPage(props.page - 1)}>
        {t('pagerPrevious')}
      </button>
      <span data-testid="plan-page">{t('pagerPage', { page: props.page + 1, pages: props.pageCount })}</span>
      <button
        type="button"
        data-testid="plan-next-page"
        disabled={props.page + 1 >= props.pageCount}
        onClick={() => props.onPage(props.page + 1)}
      >
        {t('pagerNext')}
      </button>
    </nav>
  );
}
