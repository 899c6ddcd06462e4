import { useEffect, useState } from 'preact/hooks';
import { draftKindOf } from '../lib/ai/prompts';
import { type MessageName, t } from '../lib/i18n';
import { ask, failureText } from '../lib/messaging/client';
import type { AiPreparedDraft, PlanPreview } from '../lib/messaging/protocol';
import { DRAFT_KINDS, type DraftKind } from '../lib/messaging/protocol/ai';
import { AnswerText, PromptReview, useAiPrompt } from './AiOutgoing';

const DRAFT_KIND_LABELS: Record<DraftKind, MessageName> = {
  reminder: 'aiDraftKindReminder',
  'check-in': 'aiDraftKindCheckIn',
  retake: 'aiDraftKindRetake',
  comment: 'aiDraftKindComment',
};

type Props = {
  planId: string;
  preview: PlanPreview;
  /** While a draft is open and not put in the plan, the plan as previewed is not what the person reads. */
  onOpenChange: (open: boolean) => void;
};

/**
 * "Draft with AI" for the comments of a pending plan: shows exactly what would be sent (text, size,
 * what is left out), sends it only on a click, streams the answer into an editable text box (text
 * only, never HTML), and puts the edited text in the plan through the background — a new preview,
 * confirmed like any plan. Nothing here can post.
 */
export function AiDraft({ planId, preview, onOpenChange }: Props) {
  const prompt = useAiPrompt();
  const { settings, exclude, answer } = prompt;
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<DraftKind>(() => draftKindOf(preview.origin));
  const [instructions, setInstructions] = useState('');
  const [prepared, setPrepared] = useState<AiPreparedDraft | null>(null);

  useEffect(() => () => onOpenChange(false), []);

  // What would be sent follows every choice; building it sends nothing.
  useEffect(() => {
    // Open only once the settings are read, and the exclusions with them.
    if (!open || !exclude) return;
    setPrepared(null);
    const timer = setTimeout(() => {
      ask({ type: 'ai/prepare-draft', planId, kind, exclude, instructions: instructions || undefined })
        .then(setPrepared)
        .catch((error: unknown) => answer.setMessage(failureText(error)));
    }, 250);
    return () => clearTimeout(timer);
  }, [open, kind, exclude, instructions]);

  const hasComments =
    preview.origin.kind !== 'undo' && preview.tasks.some((task) => task.lines.some((line) => line.field === 'comment'));
  if (!settings || settings.provider === 'off' || preview.state !== 'pending' || !hasComments) return null;
  if (!settings.enabledHosts.includes(preview.host)) {
    return (
      <p class="sk-muted" data-testid="ai-draft-off">
        {t('aiDraftOff', { host: preview.host })}
      </p>
    );
  }

  const setOpenTo = (value: boolean) => {
    setOpen(value);
    onOpenChange(value);
    if (!value) {
      answer.cancel();
      answer.setText('');
      answer.setMessage('');
      setPrepared(null);
    }
  };

  async function use(event: MouseEvent) {
    if (!event.isTrusted) return;
    try {
      const replaced = await ask({ type: 'plans/replace-comment', planId, text: answer.text });
      onOpenChange(false);
      location.hash = encodeURIComponent(replaced.planId);
    } catch (error) {
      answer.setMessage(failureText(error));
    }
  }

  if (!open) {
    return (
      <section aria-labelledby="sk-ai-draft" data-testid="ai-draft">
        <h2 id="sk-ai-draft">{t('aiDraftTitle')}</h2>
        <button type="button" data-testid="ai-draft-open" onClick={() => setOpenTo(true)}>
          {t('aiDraftOpen')}
        </button>
      </section>
    );
  }
  return (
    <section aria-labelledby="sk-ai-draft" data-testid="ai-draft">
      <h2 id="sk-ai-draft">{t('aiDraftOpenTitle')}</h2>
      <DraftChoices kind={kind} setKind={setKind} instructions={instructions} setInstructions={setInstructions} />
      <PromptReview
        prompt={prompt}
        prepared={prepared}
        testId="ai-draft"
        sendLabel={t('aiDraftSend')}
        doneMessage={t('aiDraftDone')}
      />
      <AnswerText answer={answer} id="sk-ai-text" testId="ai-draft" label={t('aiDraftText')} rows={6} editable />
      <div class="sk-form__actions">
        <button
          type="button"
          class="sk-primary"
          data-testid="ai-draft-use"
          disabled={answer.streaming || answer.text.trim() === ''}
          onClick={use}
        >
          {t('aiDraftUse')}
        </button>
        <button type="button" data-testid="ai-draft-discard" onClick={() => setOpenTo(false)}>
          {t('aiDraftDiscard')}
        </button>
      </div>
      <p class="sk-muted">{t('aiDraftWaits')}</p>
      <p role="status" aria-live="polite" data-testid="ai-draft-message">
        {answer.message}
      </p>
    </section>
  );
}

type DraftChoicesProps = {
  kind: DraftKind;
  setKind: (kind: DraftKind) => void;
  instructions: string;
  setInstructions: (instructions: string) => void;
};

/** What kind of comment to draft, and anything the person adds to the request. */
function DraftChoices({ kind, setKind, instructions, setInstructions }: DraftChoicesProps) {
  return (
    <div class="sk-form">
      <label for="sk-ai-kind">{t('aiDraftKind')}</label>
      <select
        id="sk-ai-kind"
        data-testid="ai-draft-kind"
        value={kind}
        onChange={(event) => setKind(event.currentTarget.value as DraftKind)}
      >
        {DRAFT_KINDS.map((each) => (
          <option key={each} value={each}>
            {t(DRAFT_KIND_LABELS[each])}
          </option>
        ))}
      </select>
      <label for="sk-ai-instructions">{t('aiDraftInstructions')}</label>
      <input
        id="sk-ai-instructions"
        data-testid="ai-draft-instructions"
        maxLength={500}
        value={instructions}
        onInput={(event) => setInstructions(event.currentTarget.value)}
      />
    </div>
  );
}
