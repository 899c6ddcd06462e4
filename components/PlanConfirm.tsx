import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { ask, failureText, SidekickRequestError } from '../lib/messaging/client';
import type { PlanPreview, PlanStatus } from '../lib/messaging/protocol';
import { resultsByTask } from '../lib/plans/review';
import { AiDraft } from './AiDraft';
import { DiffTable } from './confirm/DiffTable';
import { ImpactSummary } from './confirm/ImpactSummary';
import { PlanActions, phaseOf, planWrites, workingText } from './confirm/PlanActions';
import { PlanHeader } from './confirm/PlanHeader';
import { JobProgress, JobReport } from './JobProgress';
import { Skeleton } from './ui/chips';
import { useWriteActions } from './write-action';

const POLL_MS = 300;

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
  const [drafting, setDrafting] = useState(false);
  const { start, working } = useWriteActions();

  useEffect(() => {
    const onHash = () => setPlanId(planIdFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    setPreview(null);
    setStatus(null);
    setMessage('');
    ask({ type: 'plans/preview', planId })
      .then(setPreview)
      .catch((error: unknown) => setMessage(failureText(error)));
    ask({ type: 'plans/status', planId })
      .then((current) => {
        setStatus(current);
        // A window opened (or reloaded) on a job that runs, started here or elsewhere, follows it to its end.
        if (current.state === 'running') void follow();
      })
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

  /** A write control's click: refused ones say why, and a plan running from another window is followed. */
  const act = (action: string, work: () => Promise<void>) => (event: MouseEvent) =>
    start(event, action, async () => {
      setMessage('');
      try {
        await work();
      } catch (error) {
        setMessage(failureText(error));
        // Confirmed or resumed elsewhere (another window, another click): show that job's progress.
        await follow();
      }
    });

  const writes = planWrites(planId, act, { follow, setMessage, setPreview });
  const { running, finished } = phaseOf(status);
  const results = useMemo(
    () => (status && (running || finished) ? resultsByTask(status.items) : null),
    [status, running, finished],
  );

  if (!preview) {
    return (
      <main class="sk-confirm">
        <h1>{t('confirmPlanHeading')}</h1>
        {message ? <p role="status">{message}</p> : <Skeleton lines={6} label={t('confirmLoading')} />}
      </main>
    );
  }
  return (
    <main class="sk-confirm" data-testid="plan-confirm-page">
      <PlanHeader preview={preview}>
        <p role="alert" class="sk-alert" data-testid="plan-message">
          {message}
        </p>
        <p role="status" class="sk-muted" data-testid="plan-working">
          {workingText(working)}
        </p>
        <PlanActions
          preview={preview}
          status={status}
          working={working}
          drafting={drafting}
          on={{ ...writes, cancel: () => ask({ type: 'plans/cancel', planId }) }}
        />
        {status && (running || finished) ? <JobProgress status={status} /> : null}
      </PlanHeader>
      {status && (running || finished) ? <JobReport status={status} urls={taskUrls(preview)} /> : null}
      <ImpactSummary preview={preview} />
      <AiDraft key={planId} planId={planId} preview={preview} onOpenChange={setDrafting} />
      <DiffTable preview={preview} results={results} />
    </main>
  );
}

const taskUrls = (preview: PlanPreview) =>
  new Map(preview.tasks.flatMap((task) => (task.url ? [[task.taskId, task.url] as const] : [])));
