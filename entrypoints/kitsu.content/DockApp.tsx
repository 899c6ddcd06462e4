import { useEffect, useMemo, useState } from 'preact/hooks';
import { Dock } from '../../components/dock/Dock';
import { featuresFor } from '../../components/features';
import { anchorFor } from '../../lib/dock/anchors';
import { retryFailedReads } from '../../lib/dock/read-retry';
import { throttleRefreshes } from '../../lib/dock/refresh-throttle';
import { waitForSelector } from '../../lib/dom/selector-observer';
import { type Theme, watchKitsuTheme } from '../../lib/dom/theme';
import { parseKitsuUrl } from '../../lib/kitsu-routes';

const ANCHOR_TIMEOUT_MS = 10_000;
/** At most one re-read of the panels per interval while Kitsu changes in bursts (a bulk job's events). */
const REFRESH_INTERVAL_MS = 2000;

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
};

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

  useEffect(() => {
    void shell.loadCollapsed().then(setCollapsed);
    const life = new AbortController();
    watchKitsuTheme(setTheme, { signal: life.signal });
    const stopLocation = shell.onLocationChange((url) =>
      setPage((previous) => {
        if (previous.url === url) return previous;
        previous.controller.abort();
        return { key: previous.key + 1, url, controller: new AbortController(), ready: false };
      }),
    );
    return () => {
      life.abort();
      stopLocation();
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
    readAgain.reset();
    const { signal } = page.controller;
    void waitForSelector(anchorFor(context), { signal, timeoutMs: ANCHOR_TIMEOUT_MS }).then(() => {
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
    />
  );
}
