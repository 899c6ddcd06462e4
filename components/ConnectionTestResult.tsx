import { roleName } from '../lib/connections/privilege';
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
        Kitsu {result.kitsuVersion}: connected as <strong>{identity.name}</strong> ({roleName(identity.role)}
        {identity.isBot ? ', bot' : ''}),{' '}
        {identity.expirationDate ? `token valid until ${identity.expirationDate}` : 'token without expiry date'}.
      </p>
      <p>
        {productions.length === 0
          ? 'It sees no open production: add the bot to the production teams in Kitsu.'
          : `It sees ${productions.length} open production${productions.length > 1 ? 's' : ''}: ${productions
              .map((production) => production.name)
              .join(', ')}.`}
      </p>
      <p class={`sk-advice sk-advice--${advice.verdict}`} data-testid="connection-advice">
        {advice.message}
      </p>
    </div>
  );
}
