import type { ComponentChildren } from 'preact';
import { type MessageName, t } from '../../lib/i18n';
import { ask } from '../../lib/messaging/client';
import type { PlanPreview, PlanStatus } from '../../lib/messaging/protocol';

/** What a write control is doing while the background answers (the button itself keeps its size and place). */
const WORKING: Record<string, MessageName> = {
  confirm: 'workingConfirm',
  escape: 'workingEscape',
  resume: 'workingResume',
  retry: 'workingRetry',
  'read-back': 'workingReadBack',
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
  on: Record<'confirm' | 'escapeHashtags' | 'resume' | 'retryFailed' | 'readBack' | 'undo', WriteHandler> & {
    cancel: () => void;
  };
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
        <WriteButton
          action="confirm"
          working={working}
          testId="plan-confirm"
          onClick={on.confirm}
          held={drafting}
          primary
        >
          {t('actionConfirm')}
        </WriteButton>
      ) : null}
      {preview.state === 'pending' && copiesHashtags ? (
        <WriteButton action="escape" working={working} testId="plan-escape-hashtags" onClick={on.escapeHashtags}>
          {t('actionEscapeHashtags')}
        </WriteButton>
      ) : null}
      {preview.state === 'replaced' ? <p data-testid="plan-replaced">{t('planReplaced')}</p> : null}
      {preview.state === 'expired' ? <p data-testid="plan-expired">{t('planExpired')}</p> : null}
      {running ? (
        <button type="button" data-testid="plan-cancel" onClick={on.cancel}>
          {t('actionPause')}
        </button>
      ) : null}
      {paused ? (
        <WriteButton action="resume" working={working} testId="plan-resume" onClick={on.resume} primary>
          {t('actionResume')}
        </WriteButton>
      ) : null}
      {finished && (status?.progress.failed ?? 0) > 0 ? (
        <WriteButton action="retry" working={working} testId="plan-retry-failed" onClick={on.retryFailed}>
          {t('actionRetryFailed')}
        </WriteButton>
      ) : null}
      {finished && status?.state !== 'interrupted' && status?.readBack === null ? (
        // Kitsu could not be read back as the job ended: counts from Kitsu, copies it received twice deleted.
        <WriteButton action="read-back" working={working} testId="plan-read-back-again" onClick={on.readBack}>
          {t('actionReadBackAgain')}
        </WriteButton>
      ) : null}
      {finished && status?.undoable ? (
        <WriteButton action="undo" working={working} testId="plan-undo" onClick={on.undo}>
          {t('actionUndo')}
        </WriteButton>
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

type WriteButtonProps = {
  /** Its name in `working` while the background answers it. */
  action: string;
  working: string | null;
  testId: string;
  onClick: WriteHandler;
  /** Disabled for a reason of its own, besides a write under way. */
  held?: boolean;
  primary?: boolean;
  children: ComponentChildren;
};

/** A button that writes: disabled while any write is under way, busy while its own is. */
function WriteButton({ action, working, testId, onClick, held = false, primary = false, children }: WriteButtonProps) {
  return (
    <button
      type="button"
      class={primary ? 'sk-primary' : undefined}
      data-testid={testId}
      disabled={held || working !== null}
      aria-busy={working === action}
      onClick={onClick}
    >
      {children}
    </button>
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

  const readBack = act('read-back', async () => {
    const answer = await ask({ type: 'plans/read-back', planId });
    if (answer.failure) setMessage(t('readBackFailedAgain', { why: answer.failure }));
    await follow();
  });

  return { confirm, escapeHashtags, undo, resume, retryFailed, readBack };
}
