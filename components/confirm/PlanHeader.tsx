import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { PlanPreview } from '../../lib/messaging/protocol';
import { planSummary } from '../../lib/plans/review';

/**
 * The top of the confirm window, kept in view while the table scrolls: what the plan is, its size in
 * one line, and the controls (Confirm, Cancel, Pause...), so a plan of hundreds of tasks stays confirmable.
 */
export function PlanHeader({ preview, children }: { preview: PlanPreview; children: ComponentChildren }) {
  const summary = planSummary(preview);
  const header = useRef<HTMLElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useStuckHeight(header);
  // The window opens on the plan: its title takes the focus, so a screen reader starts there and Tab
  // goes on to the summary and the controls.
  useEffect(() => title.current?.focus(), []);
  const facts = [
    t('tasksCount', { count: summary.tasks }),
    t('confirmSummaryComments', { count: summary.comments }),
    t('confirmSummaryStatusChanges', { count: summary.statusChanges }),
    t('confirmSummaryNotified', { count: summary.peopleNotified }),
    t('confirmSummarySideEffects', { count: summary.sideEffects }),
    ...(summary.skipped > 0 ? [t('confirmSummarySkipped', { count: summary.skipped })] : []),
  ];
  return (
    <header class="sk-sticky" data-testid="plan-header" ref={header}>
      <div class="sk-sticky__title">
        <h1 data-testid="plan-title" tabIndex={-1} ref={title}>
          {preview.title}
        </h1>
        <p class="sk-muted">
          {t('confirmOnHost', {
            host: preview.host,
            operator: preview.operator,
            marker: preview.markerExample.replace('…', '').trim(),
          })}
        </p>
      </div>
      <ul class="sk-summary" data-testid="plan-summary" aria-label={t('confirmSummaryLabel')}>
        {facts.map((fact) => (
          <li key={fact}>{fact}</li>
        ))}
      </ul>
      {children}
    </header>
  );
}

/** The table's column names stick just under the header, whose height changes with progress and messages. */
function useStuckHeight(header: { current: HTMLElement | null }) {
  useEffect(() => {
    const element = header.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--sk-header-height', `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
}
