import { useEffect, useState } from 'preact/hooks';
import { ask, failureText, SidekickRequestError } from '../lib/messaging/client';
import type { PlanPreview, PlanStatus } from '../lib/messaging/protocol';
import { AiDraft } from './AiDraft';

const POLL_MS = 300;
const OPEN_TASKS_UP_TO = 20;
/** A plan of a thousand tasks is read page by page; the summary above counts them all. */
const TASKS_PER_PAGE = 100;

const planIdFromHash = () => decodeURIComponent(location.hash.slice(1));

/**
 * The confirm window: the only place a plan can be confirmed. It is an extension page, so Kitsu's
 * page scripts can neither reach its button nor frame it; the background also checks who asks.
 */
export function PlanConfirm() {
  const [planId, setPlanId] = useState(planIdFromHash);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [status, setStatus] = useState<PlanStatus | null>(null);
  const [message, setMessage] = useState('');
  const [page, setPage] = useState(0);
  const [drafting, setDrafting] = useState(false);

  useEffect(() => {
    const onHash = () => setPlanId(planIdFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    setPreview(null);
    setStatus(null);
    setMessage('');
    setPage(0);
    ask({ type: 'plans/preview', planId })
      .then(setPreview)
      .catch((error: unknown) => setMessage(failureText(error)));
    ask({ type: 'plans/status', planId })
      .then(setStatus)
      .catch(() => {});
  }, [planId]);

  async function follow() {
    let next: PlanStatus;
    try {
      next = await ask({ type: 'plans/status', planId });
    } catch (error) {
      // Unanswered, not refused: the background's worker is restarting, and it resumes the job.
      if (!(error instanceof SidekickRequestError)) setTimeout(follow, POLL_MS);
      return;
    }
    setStatus(next);
    if (next.state === 'running' || next.state === 'pending') setTimeout(follow, POLL_MS);
  }

  async function confirm(event: MouseEvent) {
    // Only a person's click confirms; a script-made event does not, even here.
    if (!event.isTrusted) return;
    setMessage('');
    try {
      await ask({ type: 'plans/execute', planId });
      setPreview((current) => (current ? { ...current, state: 'confirmed' } : current));
      await follow();
    } catch (error) {
      setMessage(failureText(error));
    }
  }

  async function escapeHashtags(event: MouseEvent) {
    if (!event.isTrusted) return;
    setMessage('');
    try {
      const answer = await ask({ type: 'plans/escape-hashtags', planId });
      location.hash = encodeURIComponent(answer.planId);
    } catch (error) {
      setMessage(failureText(error));
    }
  }

  async function undo(event: MouseEvent) {
    if (!event.isTrusted) return;
    try {
      const answer = await ask({ type: 'plans/undo', planId });
      if (answer.planId) location.hash = encodeURIComponent(answer.planId);
      else setMessage(`Nothing can be undone. ${answer.notUndoable.join(' ')}`);
    } catch (error) {
      setMessage(failureText(error));
    }
  }

  async function resume(event: MouseEvent) {
    if (!event.isTrusted) return;
    setMessage('');
    try {
      await ask({ type: 'plans/resume', planId });
      await follow();
    } catch (error) {
      setMessage(failureText(error));
    }
  }

  async function retryFailed(event: MouseEvent) {
    if (!event.isTrusted) return;
    setMessage('');
    try {
      const answer = await ask({ type: 'plans/retry-failed', planId });
      if (answer.planId) location.hash = encodeURIComponent(answer.planId);
      else setMessage(`Nothing to retry: ${answer.foundApplied} item(s) had been written after all.`);
      if (!answer.planId) await follow();
    } catch (error) {
      setMessage(failureText(error));
    }
  }

  if (!preview) {
    return (
      <main>
        <h1>Sidekick plan</h1>
        <p role="status">{message || 'Loading the plan…'}</p>
      </main>
    );
  }
  const pageCount = Math.ceil(preview.tasks.length / TASKS_PER_PAGE);
  const running = status?.state === 'running';
  const copiesHashtags = preview.tasks.some((task) => task.hashtagCopies.length > 0);
  const finished = status && ['done', 'cancelled', 'interrupted'].includes(status.state);
  const paused = status?.state === 'cancelled' && status.progress.done < status.progress.total;
  return (
    <main class="sk-confirm" data-testid="plan-confirm-page">
      <h1 data-testid="plan-title">{preview.title}</h1>
      <p class="sk-muted">
        On {preview.host}, confirmed by <strong>{preview.operator}</strong>. Each comment ends with “
        {preview.markerExample.replace('…', '').trim()}”.
      </p>
      <ImpactSummary preview={preview} />
      <AiDraft key={planId} planId={planId} preview={preview} onOpenChange={setDrafting} />
      {/* Actions and progress come before the list: a plan of hundreds of tasks stays confirmable. */}
      {status && (running || finished) ? <JobProgress status={status} /> : null}
      <p role="alert" data-testid="plan-message">
        {message}
      </p>
      <div class="sk-form__actions">
        {preview.state === 'pending' ? (
          <button type="button" class="sk-primary" data-testid="plan-confirm" disabled={drafting} onClick={confirm}>
            Confirm and write to Kitsu
          </button>
        ) : null}
        {preview.state === 'pending' && copiesHashtags ? (
          <button type="button" data-testid="plan-escape-hashtags" onClick={escapeHashtags}>
            Escape the hashtags
          </button>
        ) : null}
        {preview.state === 'replaced' ? (
          <p data-testid="plan-replaced">This preview was replaced by one with its hashtags escaped.</p>
        ) : null}
        {preview.state === 'expired' ? (
          <p data-testid="plan-expired">This preview is too old: build the plan again from the Kitsu page.</p>
        ) : null}
        {running ? (
          <button type="button" data-testid="plan-cancel" onClick={() => ask({ type: 'plans/cancel', planId })}>
            Pause after the current items
          </button>
        ) : null}
        {paused ? (
          <button type="button" class="sk-primary" data-testid="plan-resume" onClick={resume}>
            Resume
          </button>
        ) : null}
        {finished && status.progress.failed > 0 ? (
          <button type="button" data-testid="plan-retry-failed" onClick={retryFailed}>
            Retry failed…
          </button>
        ) : null}
        {finished && status.undoable ? (
          <button type="button" data-testid="plan-undo" onClick={undo}>
            Undo…
          </button>
        ) : null}
        {preview.state === 'pending' || finished ? (
          <button type="button" onClick={() => window.close()}>
            Close
          </button>
        ) : null}
      </div>
      <section aria-labelledby="sk-changes">
        <h2 id="sk-changes">
          {preview.operationCount} change{preview.operationCount > 1 ? 's' : ''} on {preview.tasks.length} task
          {preview.tasks.length > 1 ? 's' : ''}
        </h2>
        <ChangeSummary preview={preview} />
        <Pager page={page} pageCount={pageCount} onPage={setPage} />
        <ul class="sk-plan-tasks" data-testid="plan-tasks">
          {preview.tasks.slice(page * TASKS_PER_PAGE, (page + 1) * TASKS_PER_PAGE).map((task) => (
            <li key={task.taskId}>
              <details open={preview.tasks.length <= OPEN_TASKS_UP_TO}>
                <summary>
                  {task.taskLabel}
                  {task.blocked ? <span class="sk-blocked"> — skipped: {task.blocked}</span> : null}
                </summary>
                <ul>
                  {task.lines.map((line) => (
                    <li key={`${line.field}:${line.text}`}>{line.text}</li>
                  ))}
                  {task.notified.length > 0 ? <li class="sk-muted">Notifies {task.notified.join(', ')}</li> : null}
                  {task.hashtagCopies.length > 0 ? (
                    <li class="sk-warning">Kitsu will copy this comment to {task.hashtagCopies.join(', ')}</li>
                  ) : null}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

const CHANGE_NAMES: Record<string, string> = {
  status: 'status changes',
  comment: 'comments',
  assignees: 'assignee changes',
  start: 'start dates',
  due: 'due dates',
  estimate: 'estimates',
  priority: 'priorities',
  file: 'files',
};

/** How many changes of each kind the whole plan makes, whatever page is shown. */
function ChangeSummary({ preview }: { preview: PlanPreview }) {
  const counts = new Map<string, number>();
  for (const task of preview.tasks) {
    for (const line of task.lines) counts.set(line.field, (counts.get(line.field) ?? 0) + 1);
  }
  return (
    <p class="sk-muted" data-testid="plan-change-counts">
      {[...counts].map(([field, count]) => `${count} ${CHANGE_NAMES[field] ?? field}`).join(', ')}.
    </p>
  );
}

function Pager(props: { page: number; pageCount: number; onPage: (page: number) => void }) {
  if (props.pageCount <= 1) return null;
  return (
    <nav class="sk-form__actions" aria-label="Pages of tasks" data-testid="plan-pager">
      <button type="button" disabled={props.page === 0} onClick={() => props.onPage(props.page - 1)}>
        Previous
      </button>
      <span data-testid="plan-page">
        Page {props.page + 1} of {props.pageCount}
      </span>
      <button
        type="button"
        data-testid="plan-next-page"
        disabled={props.page + 1 >= props.pageCount}
        onClick={() => props.onPage(props.page + 1)}
      >
        Next
      </button>
    </nav>
  );
}

function ImpactSummary({ preview }: { preview: PlanPreview }) {
  return (
    <section class="sk-impact" aria-labelledby="sk-impact" data-testid="plan-impact">
      <h2 id="sk-impact">What else happens</h2>
      <ul>
        <li data-testid="plan-notified">
          {preview.notifiedPeople.length === 0
            ? 'Nobody is notified.'
            : `Kitsu notifies ${preview.notifiedPeople.map((person) => `${person.name} (${person.operations})`).join(', ')}.`}
        </li>
        {preview.blockedCount > 0 ? (
          <li class="sk-warning" data-testid="plan-blocked">
            {preview.blockedCount} change{preview.blockedCount > 1 ? 's are' : ' is'} skipped: the token may not make{' '}
            {preview.blockedCount > 1 ? 'them' : 'it'}.
          </li>
        ) : null}
        {preview.warnings.map((warning) => (
          <li key={warning} class="sk-muted">
            {warning}
          </li>
        ))}
      </ul>
    </section>
  );
}

function JobProgress({ status }: { status: PlanStatus }) {
  const { progress } = status;
  const unapplied = status.items.filter((item) => item.state === 'skipped' || item.state === 'failed');
  // Per item, what is being written now: for a batch publish, the files uploading.
  const inFlight = status.state === 'running' ? status.items.filter((item) => item.state === 'started') : [];
  return (
    <section aria-labelledby="sk-progress" data-testid="plan-progress" data-state={status.state}>
      <h2 id="sk-progress">{progressHeading(status)}</h2>
      <progress max={progress.total} value={progress.done} aria-label="Progress" />
      <p data-testid="plan-counts">
        {progress.applied} applied, {progress.skipped} skipped, {progress.failed} failed, of {progress.total}.
      </p>
      {inFlight.length > 0 ? (
        <p class="sk-muted" data-testid="plan-in-flight">
          In progress: {inFlight.map((item) => item.taskLabel).join(', ')}
        </p>
      ) : null}
      {unapplied.length > 0 ? (
        <ul data-testid="plan-unapplied">
          {unapplied.map((item) => (
            <li key={item.taskLabel}>
              {item.taskLabel}: {item.state} — {item.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {status.notUndoable.length > 0 && status.state !== 'running' ? (
        <p class="sk-muted">Undo cannot take back: {status.notUndoable.join(' ')}</p>
      ) : null}
    </section>
  );
}

function progressHeading(status: PlanStatus): string {
  if (status.state === 'running') return 'Writing to Kitsu…';
  const left = status.progress.total - status.progress.done;
  if (status.state === 'cancelled' && left > 0) return `Paused: ${left} item${left > 1 ? 's' : ''} not written yet`;
  return `Finished: ${status.state}`;
}
