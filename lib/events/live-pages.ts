import type { Session } from '../connections/session';
import { parseKitsuUrl } from '../kitsu-routes';
import { gapInvalidation, type Invalidation, TASK_LEVEL_KINDS, type TabNotice } from './invalidation';
import { createEventStream, type EventStream, type EventStreamOptions, type EventStreamStatus } from './stream';

/** A Kitsu tab's open line to the background: notices go to it, its closing ends its interest. */
export type PageLink = { origin: string; post: (notice: TabNotice) => void };

type PageState = { origin: string; projectId: string | null; post: PageLink['post'] };

export type LivePagesOptions = {
  sessionFor: (origin: string) => Promise<Session | null>;
  createStream?: (options: EventStreamOptions) => EventStream;
  onStatus?: (status: EventStreamStatus) => void;
  /**
   * Called every `keepAliveMs` while at least one page is open. Firefox's MV3 background is an event
   * page that Firefox suspends after 30 s (`extensions.background.idle.timeout`) without extension
   * events or API calls; an open WebSocket or runtime.Port does not count, so the event stream would
   * die with it every 30 s. A call to any extension API resets that timer.
   */
  keepAlive?: () => Promise<unknown>;
  keepAliveMs?: number;
};

/** Well under the 30 s idle timeout of Firefox event pages (and of Chrome service workers). */
export const KEEP_ALIVE_MS = 20_000;

/**
 * Which Kitsu pages are open, which productions they show, and one live event stream per host
 * while at least one of its pages is open. Events invalidate the host's cache, then the pages
 * showing the production they concern get a "changed" notice and refresh their panels.
 */
export function createLivePages({
  sessionFor,
  createStream = createEventStream,
  onStatus,
  keepAlive,
  keepAliveMs = KEEP_ALIVE_MS,
}: LivePagesOptions) {
  const pages = new Map<object, PageState>();
  const streams = new Map<string, EventStream>();
  let keepAliveTimer: ReturnType<typeof setInterval> | null = null;

  /** Keeps the background running exactly while some page is open. */
  function updateKeepAlive() {
    if (!keepAlive) return;
    if (pages.size > 0 && keepAliveTimer === null) {
      keepAliveTimer = setInterval(() => void keepAlive().catch(() => {}), keepAliveMs);
    } else if (pages.size === 0 && keepAliveTimer !== null) {
      clearInterval(keepAliveTimer);
      keepAliveTimer = null;
    }
  }

  const pagesOf = (origin: string) => [...pages.values()].filter((page) => page.origin === origin);
  const projectsInView = (origin: string) =>
    new Set(pagesOf(origin).flatMap((page) => (page.projectId ? [page.projectId] : [])));

  async function invalidate(origin: string, { tags, kinds }: Invalidation) {
    const session = await sessionFor(origin);
    if (!session) return;
    await session.cache.invalidateTags(tags);
    for (const kind of kinds) await session.cache.invalidateKind(kind);
  }

  function streamFor(origin: string): EventStream {
    let stream = streams.get(origin);
    if (!stream) {
      stream = createStream({
        origin,
        token: async () => (await sessionFor(origin))?.connection.token,
        projectsInView: () => projectsInView(origin),
        onInvalidate: (invalidation) => invalidate(origin, invalidation),
        onGap: () => invalidate(origin, gapInvalidation()),
        onNotice: (notice) => {
          for (const page of pagesOf(origin)) {
            if (!notice.projectId || notice.projectId === page.projectId) page.post(notice);
          }
        },
      });
      if (onStatus) stream.subscribe(onStatus);
      streams.set(origin, stream);
    }
    return stream;
  }

  return {
    /** A page opened its line; `key` identifies it until `close(key)`. */
    open(key: object, link: PageLink) {
      pages.set(key, { origin: link.origin, projectId: null, post: link.post });
      updateKeepAlive();
      streamFor(link.origin).start();
    },
    /** The page navigated (Kitsu is an SPA). A production coming into view may have changed unseen. */
    async visit(key: object, url: string) {
      const page = pages.get(key);
      if (!page) return;
      const context = parseKitsuUrl(url);
      const projectId = 'productionId' in context ? context.productionId : null;
      const newlyInView = projectId !== null && !projectsInView(page.origin).has(projectId);
      page.projectId = projectId;
      if (newlyInView) await invalidate(page.origin, { tags: [], kinds: [...TASK_LEVEL_KINDS] });
    },
    close(key: object) {
      const page = pages.get(key);
      if (!page) return;
      pages.delete(key);
      updateKeepAlive();
      if (pagesOf(page.origin).length === 0) streams.get(page.origin)?.stop();
    },
    /** The connection changed or went: its stream starts again with the new token, if pages remain. */
    restart(origin: string) {
      const stream = streams.get(origin);
      if (!stream) return;
      stream.stop();
      streams.delete(origin);
      if (pagesOf(origin).length > 0) streamFor(origin).start();
    },
    status(origin: string): EventStreamStatus | null {
      return streams.get(origin)?.status() ?? null;
    },
  };
}
export type LivePages = ReturnType<typeof createLivePages>;
