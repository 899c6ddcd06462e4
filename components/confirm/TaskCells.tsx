import { type MessageName, t } from '../../lib/i18n';
import type { ReviewRow } from '../../lib/plans/review';
import { MiddleText, People, StatusChip, type StatusColours } from '../ui/chips';

/** The task: its name (a link to its page in Kitsu), its status and assignees now. */
export function TaskCell({ row, statuses }: { row: ReviewRow; statuses: StatusColours }) {
  const name = <MiddleText text={row.label} max={36} />;
  return (
    <th scope="row" class="sk-diff__task">
      <span data-testid="plan-task-label">
        {row.url ? (
          <a href={row.url} target="_blank" rel="noreferrer noopener">
            {name}
          </a>
        ) : (
          name
        )}
      </span>
      <span class="sk-diff__now">
        {row.status ? <StatusChip name={row.status} statuses={statuses} /> : null}
        <People names={row.assignees} empty="" />
      </span>
      {row.blocked ? <span class="sk-blocked"> {t('confirmSkippedBecause', { reason: row.blocked })}</span> : null}
    </th>
  );
}

/** What Kitsu does on top of the change: people notified, comments copied by hashtags. */
export function TaskNotes({ row }: { row: ReviewRow }) {
  return (
    <td class="sk-diff__cell sk-diff__notes">
      {row.notified.length > 0 ? (
        <div class="sk-muted" title={t('confirmNotifiesNames', { names: row.notified.join(', ') })}>
          {t('confirmNotifies')} <People names={row.notified} empty="" />
        </div>
      ) : null}
      {row.hashtagCopies.length > 0 ? (
        <div class="sk-warning">{t('confirmHashtagCopies', { names: row.hashtagCopies.join(', ') })}</div>
      ) : null}
      {row.automations.map((automation) => (
        <div key={automation} class="sk-muted">
          {automation}
        </div>
      ))}
    </td>
  );
}

const RESULT_NAMES: Record<string, MessageName> = {
  applied: 'resultApplied',
  skipped: 'resultSkipped',
  failed: 'resultFailed',
  started: 'resultStarted',
  pending: 'resultPending',
};

/** Once the job ran: what happened to the task's changes, and why when they did not apply. */
export function TaskResult({ result }: { result: { state: string; reason: string | null } | undefined }) {
  if (!result) return <td class="sk-diff__cell sk-muted">—</td>;
  return (
    <td class="sk-diff__cell" data-testid="plan-task-result" data-state={result.state}>
      <span class={`sk-result-chip sk-result-chip--${result.state}`}>
        {RESULT_NAMES[result.state] ? t(RESULT_NAMES[result.state] as MessageName) : result.state}
      </span>
      {result.reason ? <div class="sk-muted">{result.reason}</div> : null}
    </td>
  );
}
