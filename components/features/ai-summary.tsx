import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/page';
import { askWith, failureText } from '../../lib/messaging/client';
import { aiSummariseThreadAnswer } from '../../lib/messaging/protocol';

/**
 * "Summarise thread" on a task page: opens Sidekick's own window, where the prompt is shown before
 * anything is sent to a model. The page itself never sees a prompt or an answer.
 */
export function AiThreadSummary() {
  const [message, setMessage] = useState('');
  async function open() {
    setMessage('');
    try {
      await askWith(aiSummariseThreadAnswer, { type: 'ai/summarise-thread', url: location.href });
      setMessage(t('aiSummariseOpened'));
    } catch (error) {
      setMessage(failureText(error));
    }
  }
  return (
    <div>
      <button type="button" data-testid="ai-summarise-thread" onClick={open}>
        {t('aiSummariseOpen')}
      </button>
      <p role="status" data-testid="ai-summarise-message">
        {message}
      </p>
    </div>
  );
}
