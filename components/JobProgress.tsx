import { useRef } from 'preact/hooks';
import { format, t } from '../lib/i18n';
import type { PlanStatus } from '../lib/messaging/protocol';
import { formatTimeLeft, type ProgressSample, timeLeftMs } from '../lib/plans/time-left';

/** A job's progress: counts, and time left at the pace kept since this window started following it. */
export function JobProgress({ status }: { status: PlanStatus }) {
  const { progress } = status;
  const first = useRef<ProgressSample | null>(null);
  const now: ProgressSample = { at: Date.now(), done: progress.done };
  if (status.state === 'running') first.current ??= now;
  const left = status.state === 'running' && first.current ? timeLeftMs(first.current, now, progress.total) : null;
  return (
    <section class="sk-progress" aria-labelledby="sk-progress" data-testid="plan-progress" data-state={status.state}>
      <h2 id="sk-progress">{progressHeading(status)}</h2>
      <progress max={progress.total} value={progress.done} aria-label={t('progressLabel')} />
      <p data-testid="plan-counts">
        {t('progressCounts', {
          applied: String(progress.applied),
          skipped: String(progress.skipped),
          failed: String(progress.failed),
          total: String(progress.total),
        })}
      </p>
      <p class="sk-visually-hidden" role="status" data-testid="plan-announcement">
        {progressAnnouncement(status)}
      </p>
      {status.state === 'running' ? (
        <p class="sk-muted" data-testid="plan-time-left">
          {left === null ? t('progressEstimating') : t('progressTimeLeft', { time: formatTimeLeft(left) })}
        </p>
      ) : null}
    </section>
  );
}

/**
 * What a screen reader hears: the state, and while running a quarter at a time, so that a long job is
 * announced four times rather than at each item.
 */
export function progressAnnouncement(status: PlanStatus): string {
  const { done, total } = status.progress;
  if (status.state !== 'running') return progressHeading(status);
  const quarter = total > 0 ? Math.floor((done / total) * 4) * 25 : 0;
  return t('progressAnnounce', { percent: format.percent(quarter / 100) });
}

function progressHeading(status: PlanStatus): string {
  if (status.state === 'running') return t('progressWriting');
  const left = status.progress.total - status.progress.done;
  if (status.state === 'cancelled' && left > 0) return t('progressPaused', { count: left });
  return t('progressFinished', { state: status.state });
}

/** The job's report: what did not apply and why (each task a link to Kitsu), what Kitsu held when it ended. */
export function JobReport({ status, urls }: { status: PlanStatus; urls: ReadonlyMap<string, string> }) {
  const unapplied = status.items.filter((item) => item.state === 'skipped' || item.state === 'failed');
  // Per item, what is being written now: for a batch publish, the files uploading.
  const inFlight = status.state === 'running' ? status.items.filter((item) => item.state === 'started') : [];
  const link = (item: PlanStatus['items'][number]) => {
    const url = item.taskId ? urls.get(item.taskId) : undefined;
    return url ? (
      <a href={url} target="_blank" rel="noreferrer noopener">
        {item.taskLabel}
      </a>
    ) : (
      item.taskLabel
    );
  };
  return (
    <section class="sk-report" aria-label={t('reportLabel')} data-testid="plan-report">
      {status.state !== 'running' && status.state !== 'pending' ? <ReadBackLine status={status} /> : null}
      {inFlight.length > 0 ? (
        <p class="sk-muted" data-testid="plan-in-flight">
          {t('reportInProgress', { names: inFlight.map((item) => item.taskLabel).join(', ') })}
        </p>
      ) : null}
      {unapplied.length > 0 ? (
        <ul data-testid="plan-unapplied">
          {unapplied.map((item) => (
            <li key={`${item.taskId ?? ''}${item.taskLabel}`}>
              {link(item)}: {item.state} — {item.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {status.notUndoable.length > 0 && status.state !== 'running' ? (
        <p class="sk-muted">{t('reportNotUndoable', { reasons: status.notUndoable.join(' ') })}</p>
      ) : null}
    </section>
  );
}

/** Where the counts come from once the job ended: Kitsu read back, or (when it could not be read) the job's record. */
function ReadBackLine({ status }: { status: PlanStatus }) {
  const { readBack } = status;
  if (!readBack) {
    return (
      <p class="sk-warning" data-testid="plan-read-back" data-source="job">
        {t('reportNoReadBack')}
      </p>
    );
  }
  return (
    <div data-testid="plan-read-back" data-source="kitsu">
      <p class="sk-muted">
        {t('reportReadBack', { time: format.dayAndTime(new Date(readBack.checkedAt)) })}
        {readBack.duplicatesRemoved > 0
          ? ` ${t('reportDuplicatesRemoved', { count: readBack.duplicatesRemoved })}`
          : ''}
      </p>
      {readBack.mismatches.length > 0 ? (
        <ul class="sk-warning" data-testid="plan-mismatches">
          {readBack.mismatches.map((mismatch) => (
            <li key={mismatch}>{mismatch}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
