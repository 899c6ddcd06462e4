import { format, t } from '../../lib/i18n';
import type { PlanPreview } from '../../lib/messaging/protocol';

/** Who Kitsu notifies, what the token may not do, what the preview cannot show. */
export function ImpactSummary({ preview }: { preview: PlanPreview }) {
  return (
    <section class="sk-impact" aria-labelledby="sk-impact" data-testid="plan-impact">
      <h2 id="sk-impact">{t('impactHeading')}</h2>
      <ul>
        <li data-testid="plan-notified">
          {preview.notifiedPeople.length === 0
            ? t('impactNobody')
            : t('impactNotifies', {
                people: preview.notifiedPeople
                  .map((person) => `${person.name} (${format.number(person.operations)})`)
                  .join(', '),
              })}
        </li>
        {preview.blockedCount > 0 ? (
          <li class="sk-warning" data-testid="plan-blocked">
            {t('impactBlocked', { count: preview.blockedCount })}
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
