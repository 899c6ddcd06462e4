import { useState } from 'preact/hooks';
import type { AnswerOf } from '../lib/messaging/protocol';

type StatusAnswer = AnswerOf<'status'>;
export type AskStatus = (askedTimes: number) => Promise<StatusAnswer>;

type PanelState =
  | { phase: 'idle' }
  | { phase: 'asking' }
  | { phase: 'answered'; answer: StatusAnswer }
  | { phase: 'failed'; message: string };

/** The dock's first panel: proves the path page → content script → background → page. */
export function SidekickPanel({ askStatus }: { askStatus: AskStatus }) {
  const [state, setState] = useState<PanelState>({ phase: 'idle' });
  const [askedTimes, setAskedTimes] = useState(0);

  async function check() {
    const next = askedTimes + 1;
    setAskedTimes(next);
    setState({ phase: 'asking' });
    try {
      setState({ phase: 'answered', answer: await askStatus(next) });
    } catch (error) {
      setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section class="sk-panel" data-testid="sidekick-panel" aria-label="Kitsu Sidekick">
      <header class="sk-panel__header">
        <span class="sk-panel__title">Sidekick</span>
      </header>
      <button
        type="button"
        class="sk-button"
        data-testid="sidekick-check"
        onClick={check}
        disabled={state.phase === 'asking'}
      >
        Check connection
      </button>
      <p class="sk-panel__status" data-testid="sidekick-status" role="status" aria-live="polite">
        {describe(state)}
      </p>
    </section>
  );
}

function describe(state: PanelState): string {
  switch (state.phase) {
    case 'idle':
      return 'Ready.';
    case 'asking':
      return 'Asking the background…';
    case 'failed':
      return `Sidekick could not answer: ${state.message}`;
    case 'answered': {
      const { answer } = state;
      const host = answer.hostGranted ? `${answer.origin} is a configured Kitsu host` : 'this host is not configured';
      return `Background v${answer.extensionVersion} answered (#${answer.askedTimes}): ${host}.`;
    }
  }
}
