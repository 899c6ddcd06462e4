import { useRef, useState } from 'preact/hooks';
import type { Theme } from '../../lib/dom/theme';
import type { PageContext } from '../../lib/kitsu-routes';
import type { DockFeature } from '../features/types';

export type DockProps = {
  context: PageContext;
  /** Changes on every navigation, so panels of the previous page unmount. */
  pageKey: number;
  signal: AbortSignal;
  /** Grows each time Kitsu tells that data of this production changed. */
  dataVersion: number;
  onReadFailed?: () => void;
  /** False until the page's anchor has rendered. */
  ready: boolean;
  features: readonly DockFeature[];
  theme: Theme;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
};

export function Dock({
  context,
  pageKey,
  signal,
  dataVersion,
  onReadFailed,
  ready,
  features,
  theme,
  collapsed,
  onCollapsedChange,
}: DockProps) {
  const toggle = useRef<HTMLButtonElement>(null);
  // Counts the panels reported on this page; kept while the dock is closed, so the toggle still shows them.
  const [counts, setCounts] = useState<{ pageKey: number; byFeature: Record<string, number> }>({
    pageKey,
    byFeature: {},
  });
  const countOf = (id: string) => (counts.pageKey === pageKey ? counts.byFeature[id] : undefined);
  const total = features.reduce((sum, feature) => sum + (countOf(feature.id) ?? 0), 0);
  const report = (id: string) => (count: number) =>
    setCounts((now) => ({
      pageKey,
      byFeature: { ...(now.pageKey === pageKey ? now.byFeature : {}), [id]: count },
    }));

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !collapsed) {
      event.stopPropagation();
      onCollapsedChange(true);
      toggle.current?.focus();
    }
  }

  return (
    <aside
      class={`sk-dock sk-dock--${theme}${collapsed ? ' sk-dock--collapsed' : ''}`}
      data-testid="sidekick-dock"
      data-theme={theme}
      aria-label="Kitsu Sidekick"
      onKeyDown={onKeyDown}
    >
      <button
        ref={toggle}
        type="button"
        class="sk-dock__toggle"
        data-testid="dock-toggle"
        aria-expanded={!collapsed}
        aria-controls="sk-dock-body"
        title={collapsed ? 'Open Sidekick (Alt+Shift+K)' : 'Close Sidekick (Esc)'}
        onClick={() => onCollapsedChange(!collapsed)}
      >
        Sidekick{total ? <span data-testid="dock-count"> · {total}</span> : null}
      </button>
      {collapsed ? null : (
        <div id="sk-dock-body" class="sk-dock__body" data-testid="dock-body">
          {!ready ? (
            <p class="sk-muted" data-testid="dock-waiting">
              Waiting for Kitsu to show the page…
            </p>
          ) : (
            features.map((feature) => (
              <section
                key={`${pageKey}:${feature.id}`}
                class="sk-section"
                data-testid={`feature-${feature.id}`}
                aria-labelledby={`sk-feature-${feature.id}`}
              >
                <h2 id={`sk-feature-${feature.id}`} class="sk-section__title">
                  {feature.title}
                  {countOf(feature.id) ? <span data-testid="feature-count"> ({countOf(feature.id)})</span> : null}
                </h2>
                <feature.Panel
                  context={context}
                  signal={signal}
                  dataVersion={dataVersion}
                  onCount={report(feature.id)}
                  onReadFailed={onReadFailed}
                />
              </section>
            ))
          )}
        </div>
      )}
    </aside>
  );
}
