import { format, t } from '../lib/i18n';
import { KITSU_ROLE_NAMES } from '../lib/i18n/role-names';
import type { ConnectionTestAnswer } from '../lib/messaging/protocol';

export function ConnectionTestResult({ result }: { result: ConnectionTestAnswer }) {
  if (!result.ok) {
    return (
      <div class="sk-result sk-result--error" role="alert" data-testid="connection-test-result">
        {result.message}
      </div>
    );
  }
  const { identity, productions, advice } = result;
  return (
    <div class="sk-result" data-testid="connection-test-result">
      <p>
        {t('connectionTestConnected', { version: result.kitsuVersion })} <strong>{identity.name}</strong> (
        {t(KITSU_ROLE_NAMES[identity.role])}
        {identity.isBot ? t('connectionTestBot') : ''}),{' '}
        {identity.expirationDate
          ? t('connectionTestExpires', { date: identity.expirationDate })
          : t('connectionTestNoExpiry')}
      </p>
      <p>
        {productions.length === 0
          ? t('connectionTestNoProduction')
          : t('connectionTestProductions', {
              count: productions.length,
              names: format.list(productions.map((production) => production.name)),
            })}
      </p>
      <p class={`sk-advice sk-advice--${advice.verdict}`} data-testid="connection-advice">
        {advice.message}
      </p>
    </div>
  );
}
