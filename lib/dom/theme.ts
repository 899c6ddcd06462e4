import { waitForSelector } from './selector-observer';

export type Theme = 'light' | 'dark';

/** Kitsu marks dark mode with `.dark` on its root `.theme` wrapper (src/App.vue). */
export const KITSU_THEME_ROOT = '#app .theme, .theme';

export function themeOf(element: Element | null): Theme {
  return element?.classList.contains('dark') ? 'dark' : 'light';
}

/** Reports Kitsu's theme now and on every switch; observes that one element's class only. */
export function watchKitsuTheme(onTheme: (theme: Theme) => void, { signal }: { signal: AbortSignal }): void {
  void waitForSelector(KITSU_THEME_ROOT, { signal, timeoutMs: 30_000 }).then((root) => {
    if (!root || signal.aborted) return;
    onTheme(themeOf(root));
    const observer = new MutationObserver(() => onTheme(themeOf(root)));
    observer.observe(root, { attributes: true, attributeFilter: ['class'] });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  });
}
