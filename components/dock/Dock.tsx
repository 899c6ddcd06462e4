import { useEffect, useRef, useState } from 'preact/hooks';
import type { DockMover } from '../../lib/dock/dock-placement';
import type { DockFeature } from '../../lib/dock/feature';
import type { Theme } from '../../lib/dom/theme';
import { t } from '../../lib/i18n/page';
import type { PageContext } from '../../lib/kitsu-routes';

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
  /** Moves the dock to another corner of the window; without it the dock has no handle. */
  mover?: Pick<DockMover, 'moveByKey' | 'drag'>;
  /** Grows each time the person opens the dock with the keyboard shortcut: the focus then moves to the dock. */
  focusRequest?: number;
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
  mover,
  focusRequest = 0,
}: DockProps) {
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusRequest > 0) toggle.current?.focus();
  }, [focusRequest]);
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
      class={`sk-dock sk-theme--${theme}${collapsed ? ' sk-dock--collapsed' : ''}`}
      data-testid="sidekick-dock"
      data-theme={theme}
      aria-label={t('extensionName')}
      onKeyDown={onKeyDown}
    >
      <div class="sk-dock__bar">
        {mover ? <MoveHandle mover={mover} /> : null}
        <button
          ref={toggle}
          type="button"
          class="sk-dock__toggle"
          data-testid="dock-toggle"
          aria-expanded={!collapsed}
          aria-controls="sk-dock-body"
          title={collapsed ? t('dockOpen') : t('dockClose')}
          onClick={() => onCollapsedChange(!collapsed)}
        >
          Sidekick{total ? <span data-testid="dock-count"> · {total}</span> : null}
        </button>
      </div>
      {collapsed ? null : (
        <div id="sk-dock-body" class="sk-dock__body" data-testid="dock-body">
          {!ready ? (
            <p class="sk-muted" data-testid="dock-waiting">
              {t('dockWaiting')}
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

/** A handle to move the dock: dragged with the mouse, or the arrow keys once it has the focus. */
function MoveHandle({ mover }: { mover: Pick<DockMover, 'moveByKey' | 'drag'> }) {
  const screen = (event: PointerEvent) => ({ x: event.screenX, y: event.screenY });
  return (
    <button
      type="button"
      class="sk-dock__handle"
      data-testid="dock-move"
      aria-label={t('dockMoveLabel')}
      title={t('dockMoveTitle')}
      onKeyDown={(event) => {
        if (mover.moveByKey(event.key)) event.preventDefault();
      }}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        mover.drag('start', screen(event));
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) mover.drag('move', screen(event));
      }}
      onPointerUp={(event) => mover.drag('end', screen(event))}
      onPointerCancel={(event) => mover.drag('end', screen(event))}
    >
      ⠿
    </button>
  );
}
