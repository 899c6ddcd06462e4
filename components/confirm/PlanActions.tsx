import { type MessageName, t } from '../../lib/i18n';
import { ask } from '../../lib/messaging/client';
import type { PlanPreview, PlanStatus } from '../../lib/messaging/protocol';

/** What a write control is doing while the background answers (the button itself keeps its size and place). */
const WORKING: Record<string, MessageName> = {
  confirm: 'workingConfirm',
  escape: 'workingEscape',
  resume: 'workingResume',
  retry: 'workingRetry',
  undo: 'workingUndo',
};
export const workingText = (action: string | null): string => {
  const name = action ? WORKING[action] : undefined;
  return name ? t(name) : '';
};

function ignoreRepeatedClicks(event: MouseEvent) {
  if (event.detail > 1) {
    event.stopPropagation();
    event.preventDefault();
  }
}

/** Where the plan's job is: running, finished (done, paused or interrupted), paused before its end. */
export function phaseOf(status: PlanStatus | null) {
  return {
    running: status?.state === 'running',
    finished: status !== null && ['done', 'cancelled', 'interrupted'].includes(status.state),
    paused: status?.state === 'cancelled' && status.progress.done < status.progress.total,
  };
}

type WriteHandler = (event: MouseEvent) => void;
export type PlanActionsProps = {
  preview: PlanPreview;
  status: PlanStatus | null;
  working: string | null;
  drafting: boolean;
  on: Record<'confirm' | 'escapeHashtags' | 'resume' | 'retryFailed' | 'undo', WriteHandler> & { cancel: () => void };
};

/** What the person can do with the plan or its job, as they stand. */
export function PlanActions({ preview, status, working, drafting, on }: PlanActionsProps) {
  const { running, finished, paused } = phaseOf(status);
  const copiesHashtags = preview.tasks.some((task) => task.hashtagCopies.length > 0);
  // The second and third clicks of a double or triple click reach whatever is under the pointer once
  // the first click changed the buttons (Pause takes Confirm's place): none of them acts.
  return (
    <div class="sk-actions" data-testid="plan-actions" onClickCapture={ignoreRepeatedClicks}>
      {preview.state === 'pending' ? (
        <button
          type="button"
          class="sk-primary"
          data-testid="plan-confirm"
          disabled={drafting || working !== null}
          aria-busy={working === 'confirm'}
          onClick={on.confirm}
        >
          {t('actionConfirm')}
        </button>
      ) : null}
      {preview.state === 'pending' && copiesHashtags ? (
        <button
          type="button"
          data-testid="plan-escape-hashtags"
          disabled={working !== null}
          aria-busy={working === 'escape'}
          onClick={on.escapeHashtags}
        >
          {t('actionEscapeHashtags')}
        </button>
      ) : null}
      {preview.state === 'replaced' ? <p data-testid="plan-replaced">{t('planReplaced')}</p> : null}
      {preview.state === 'expired' ? <p data-testid="plan-expired">{t('planExpired')}</p> : null}
      {running ? (
        <button type="button" data-testid="plan-cancel" onClick={on.cancel}>
          {t('actionPause')}
        </button>
      ) : null}
      {paused ? (
        <button
          type="button"
          class="sk-primary"
          data-testid="plan-resume"
          disabled={working !== null}
          aria-busy={working === 'resume'}
          onClick={on.resume}
        >
          {t('actionResume')}
        </button>
      ) : null}
      {finished && (status?.progress.failed ?? 0) > 0 ? (
        <button
          type="button"
          data-testid="plan-retry-failed"
          disabled={working !== null}
          aria-busy={working === 'retry'}
          onClick={on.retryFailed}
        >
          {t('actionRetryFailed')}
        </button>
      ) : null}
      {finished && status?.undoable ? (
        <button
          type="button"
          data-testid="plan-undo"
          disabled={working !== null}
          aria-busy={working === 'undo'}
          onClick={on.undo}
        >
          {t('actionUndo')}
        </button>
      ) : null}
      {preview.state === 'pending' || finished ? (
        // Before the job, closing is cancelling: nothing was written and the plan expires unconfirmed.
        <button type="button" data-testid="plan-close" onClick={() => window.close()}>
          {finished ? t('close') : t('cancel')}
        </button>
      ) : null}
    </div>
  );
}

type Act = (action: string, work: () => Promise<void>) => (event: MouseEvent) => void;
type PlanPage = {
  follow: () => Promise<void>;
  setMessage: (message: string) => void;
  setPreview: (update: (current: PlanPreview | null) => PlanPreview | null) => void;
};

/** The confirm window's writes: each one a click that the background checks, and refuses in words. */
export function planWrites(planId: string, act: Act, { follow, setMessage, setPreview }: PlanPage) {
  const confirm = act('confirm', async () => {
    await ask({ type: 'plans/execute', planId });
    setPreview((current) => (current ? { ...current, state: 'confirmed' } : current));
    await follow();
  });

  const escapeHashtags = act('escape', async () => {
    const answer = await ask({ type: 'plans/escape-hashtags', planId });
    location.hash = encodeURIComponent(answer.planId);
  });

  const undo = act('undo', async () => {
    const answer = await ask({ type: 'plans/undo', planId });
    if (answer.planId) location.hash = encodeURIComponent(answer.planId);
    else setMessage(t('nothingToUndo', { reasons: answer.notUndoable.join(' ') }));
  });

  const resume = act('resume', async () => {
    await ask({ type: 'plans/resume', planId });
    await follow();
  });

  const retryFailed = act('retry', async () => {
    const answer = await ask({ type: 'plans/retry-failed', planId });
    if (answer.planId) location.hash = encodeURIComponent(answer.planId);
    else {
      setMessage(t('nothingToRetry', { count: answer.foundApplied }));
      await follow();
    }
  });

  return { confirm, escapeHashtags, undo, resume, retryFailed };
}
