import { useEffect, useMemo, useState } from 'preact/hooks';
import { Dock } from '../../components/dock/Dock';
import { featuresFor } from '../../components/features';
import { waitForPage } from '../../lib/dock/anchors';
import { readableAtOnce, settleContexts } from '../../lib/dock/context-settle';
import type { DockMover } from '../../lib/dock/dock-placement';
import { retryFailedReads } from '../../lib/dock/read-retry';
import { throttleRefreshes } from '../../lib/dock/refresh-throttle';
import { type Theme, watchKitsuTheme } from '../../lib/dom/theme';
import { pageContextKey, parseKitsuUrl } from '../../lib/kitsu-routes';

/** At most one re-read of the panels per interval while Kitsu changes in bursts (a bulk job's events). */
const REFRESH_INTERVAL_MS = 2000;
/**
 * A page must stay the same this long before the dock reads it (Kitsu's TV shows swap the episode just
 * after load), unless a click leads from a settled page to one readable at once (lib/dock/context-settle.ts).
 */
const SETTLE_MS = 250;
/** ...but no longer than this while pages keep changing. */
const SETTLE_MAX_MS = 800;

const PAGE_SETTLING = {
  keyOf: (url: string) => pageContextKey(parseKitsuUrl(url)),
  settleMs: SETTLE_MS,
  maxWaitMs: SETTLE_MAX_MS,
  atOnce: (url: string) => readableAtOnce(parseKitsuUrl(url)),
};

export type DockShell = {
  url: string;
  /** Calls back with the new URL on every SPA navigation; returns the unsubscribe function. */
  onLocationChange: (listener: (url: string) => void) => () => void;
  /** Calls back when Kitsu data of the page's production changed (a live event). */
  onKitsuChange: (listener: () => void) => () => void;
  /** Calls back when the person presses the dock's keyboard shortcut. */
  onToggleCommand: (listener: () => void) => () => void;
  loadCollapsed: () => Promise<boolean>;
  saveCollapsed: (collapsed: boolean) => Promise<void>;
  /** Moves the dock to another corner (arrow keys on its handle, or dragged by it). */
  moveByKey: DockMover['moveByKey'];
  drag: DockMover['drag'];
};

// key 0: the page of the first URL has not settled yet, and nothing is read.
type PageState = { key: number; url: string; controller: AbortController; ready: boolean };

/** The content script's state: where the person is, whether Kitsu rendered it, theme, open or closed. */
export function DockApp({ shell }: { shell: DockShell }) {
  const [page, setPage] = useState<PageState>(() => ({
    key: 0,
    url: shell.url,
    controller: new AbortController(),
    ready: false,
  }));
  const [theme, setTheme] = useState<Theme>('light');
  const [collapsed, setCollapsed] = useState(false);
  const [dataVersion, setDataVersion] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    void shell.loadCollapsed().then(setCollapsed);
    const life = new AbortController();
    watchKitsuTheme(setTheme, { signal: life.signal });
    const settler = settleContexts(
      (url) =>
        setPage((previous) => {
          previous.controller.abort();
          return { key: previous.key + 1, url, controller: new AbortController(), ready: false };
        }),
      PAGE_SETTLING,
    );
    settler.push(shell.url);
    const stopLocation = shell.onLocationChange(settler.push);
    return () => {
      life.abort();
      stopLocation();
      settler.stop();
    };
  }, [shell]);

  const changeCollapsed = (next: boolean) => {
    setCollapsed(next);
    void shell.saveCollapsed(next);
  };
  useEffect(
    () =>
      shell.onToggleCommand(() =>
        setCollapsed((current) => {
          void shell.saveCollapsed(!current);
          // Opened from the keyboard: the keyboard goes there too (Tab then walks the panels, Esc gives it back).
          if (current) setFocusRequest((count) => count + 1);
          return !current;
        }),
      ),
    [shell],
  );

  const readAgain = useMemo(() => retryFailedReads(() => setDataVersion((version) => version + 1)), []);
  useEffect(() => {
    const throttle = throttleRefreshes(() => {
      readAgain.reset();
      setDataVersion((version) => version + 1);
    }, REFRESH_INTERVAL_MS);
    const stopListening = shell.onKitsuChange(throttle.notify);
    return () => {
      stopListening();
      throttle.stop();
      readAgain.reset();
    };
  }, [shell, readAgain]);

  const context = useMemo(() => parseKitsuUrl(page.url), [page.url]);

  useEffect(() => {
    if (page.key === 0) return;
    readAgain.reset();
    const { signal } = page.controller;
    void waitForPage(context, signal).then(() => {
      if (!signal.aborted) setPage((current) => (current.key === page.key ? { ...current, ready: true } : current));
    });
  }, [page.key]);

  return (
    <Dock
      context={context}
      pageKey={page.key}
      signal={page.controller.signal}
      dataVersion={dataVersion}
      onReadFailed={readAgain.failed}
      ready={page.ready}
      features={featuresFor(context)}
      theme={theme}
      collapsed={collapsed}
      onCollapsedChange={changeCollapsed}
      mover={shell}
      focusRequest={focusRequest}
    />
  );
}
