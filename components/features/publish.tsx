import { useState } from 'preact/hooks';
import type { FeatureProps } from '../../lib/dock/feature';
import { t } from '../../lib/i18n/page';
import { askWith, failureText } from '../../lib/messaging/client';
import { publishOpenAnswer } from '../../lib/messaging/protocol';

/**
 * Batch publish starts here but happens in Sidekick's own publish window: files are chosen where
 * Kitsu's page scripts cannot read them, and reach the background without passing through this page.
 */
export function PublishPreviews(_props: FeatureProps) {
  const [message, setMessage] = useState('');
  async function open() {
    setMessage('');
    try {
      await askWith(publishOpenAnswer, { type: 'publish/open', url: location.href });
    } catch (error) {
      setMessage(failureText(error));
    }
  }
  return (
    <div>
      <p class="sk-muted">{t('publishIntro')}</p>
      <button type="button" data-testid="publish-open" onClick={open}>
        {t('publishOpen')}
      </button>
      {message ? (
        <p class="sk-error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
