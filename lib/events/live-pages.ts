import type { CacheKind, CacheOptions } from '../cache';
import type { Session } from '../connections/session';
import { isProductionPage, parseKitsuUrl } from '../kitsu-routes';
import { gapInvalidation, type Invalidation, TASK_LEVEL_KINDS, type TabNotice } from './invalidation';
import { createOwnWrites } from './own-writes';
import type { EventStream, EventStreamOptions, EventStreamStatus } from './stream';
import { createEventStream } from './stream-run';

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
  now?: () => number;
};

const PROJECT_TAG = 'project:';

/** Well under the 30 s idle timeout of Firefox event pages (and of Chrome service workers). */
export const KEEP_ALIVE_MS = 20_000;
/** A reload or a hop between Kitsu tabs closes the last page for a moment: the stream waits that long. */
export const STREAM_LINGER_MS = 30_000;
/**
 * Events of a production left recently still invalidate the cache (cheap: no request), so coming
 * back to it within this time needs no refetch. As long as task data may be served stale.
 */
export const RECENTLY_IN_VIEW_MS = 10 * 60_000;
/**
 * The events of a job's last writes reach the stream after the job's last answer: a job's held events
 * are applied this long after it ends, so its tail does not cost one refresh per late event.
 */
export const OWN_EVENTS_LINGER_MS = 1_500;

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
  now = Date.now,
}: LivePagesOptions) {
  const pages = new Map<object, PageState>();
  const streams = new Map<string, EventStream>();
  const recent = createRecentViews(now);
  const updateKeepAlive = keepAliveWhileOpen(keepAlive, keepAliveMs);

  const pagesOf = (origin: string) => [...pages.values()].filter((page) => page.origin === origin);
  const idleStops = stopWhenIdle(pagesOf, streams);
  const projectsInView = (origin: string) => {
    const projects = new Set(pagesOf(origin).flatMap((page) => (page.projectId ? [page.projectId] : [])));
    for (const projectId of recent.projects(origin)) projects.add(projectId);
    return projects;
  };
  const leaving = (page: PageState) => recent.leaving(page);
  const invalidate = (origin: string, invalidation: Invalidation) => invalidateCache(sessionFor, origin, invalidation);

  const notify = noticesTo(pagesOf);
  const ownJobs = ownJobEvents(invalidate, notify);

  /** After a gap in the stream, what may have changed unseen is dropped and every page re-reads it. */
  async function resync(origin: string) {
    const invalidation = gapInvalidation();
    await invalidate(origin, invalidation);
    notify(origin, { tags: invalidation.kinds });
  }

  function streamFor(origin: string): EventStream {
    let stream = streams.get(origin);
    if (!stream) {
      stream = createStream({
        origin,
        token: async () => (await sessionFor(origin))?.connection.token,
        projectsInView: () => projectsInView(origin),
        onInvalidate: (invalidation) => invalidate(origin, invalidation),
        onGap: () => resync(origin),
        onNotice: (notice) => notify(origin, notice),
        hold: (effect) => ownJobs.hold(origin, effect),
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
      updateKeepAlive(pages.size);
      idleStops.cancel(link.origin);
      streamFor(link.origin).start();
    },
    /**
     * The page navigated (Kitsu is an SPA). A production coming into view may have changed unseen: its
     * task-level reads are outdated, shown to panels only while they are read again (a worker that just
     * started paints from IndexedDB at once, and the panels refresh when Kitsu answers).
     */
    async visit(key: object, url: string) {
      const page = pages.get(key);
      if (!page) return;
      const context = parseKitsuUrl(url);
      const projectId = isProductionPage(context) ? context.productionId : null;
      const newlyInView = projectId !== null && !projectsInView(page.origin).has(projectId);
      if (projectId !== page.projectId) leaving(page);
      page.projectId = projectId;
      if (newlyInView) await outdateCache(sessionFor, page.origin, TASK_LEVEL_KINDS);
    },
    close(key: object) {
      const page = pages.get(key);
      if (!page) return;
      pages.delete(key);
      leaving(page);
      updateKeepAlive(pages.size);
      if (pagesOf(page.origin).length === 0) idleStops.schedule(page.origin);
    },
    /** The connection changed or went: its stream starts again with the new token, if pages remain. */
    restart(origin: string) {
      const stream = streams.get(origin);
      if (!stream) return;
      stream.stop();
      streams.delete(origin);
      if (pagesOf(origin).length > 0) streamFor(origin).start();
    },
    /** Sidekick's own job starts writing these tasks: their events wait for its end (./own-writes.ts). */
    jobStarted: ownJobs.started,
    /** The job ended: once its last events are in, what it held is dropped from the cache and noticed, once. */
    jobEnded: ownJobs.ended,
    status: (origin: string): EventStreamStatus | null => streams.get(origin)?.status() ?? null,
    /**
     * What the host's cache learns from its live events (lib/connections/sessions.ts): since when they are
     * live (entries they keep right are trusted meanwhile, lib/cache/policy.ts), and that panels were
     * answered with data an event outdated (lib/cache): the pages showing it read again.
     */
    cacheHooks: (origin: string): Pick<CacheOptions, 'liveSince' | 'onServedOutdated'> => ({
      liveSince: () => liveSinceOf(streams.get(origin)?.status() ?? null),
      onServedOutdated: ({ tags }) => notify(origin, noticeOfTags(tags)),
    }),
  };
}

/** A notice goes to the host's pages showing its production (all of them for global data). */
function noticesTo(pagesOf: (origin: string) => PageState[]) {
  return (origin: string, notice: TabNotice) => {
    for (const page of pagesOf(origin)) {
      if (!notice.projectId || notice.projectId === page.projectId) page.post(notice);
    }
  };
}

/** The notice for the pages showing data of these cache tags: its production's, when it has one. */
function noticeOfTags(tags: readonly string[]): TabNotice {
  const projectId = tags.find((tag) => tag.startsWith(PROJECT_TAG))?.slice(PROJECT_TAG.length);
  return { ...(projectId ? { projectId } : {}), tags: [...tags] };
}
export type LivePages = ReturnType<typeof createLivePages>;

/** The productions each host's pages left recently: their events still count as in view for a while. */
function createRecentViews(now: () => number) {
  /** origin → production → when a page last showed it. */
  const lastInView = new Map<string, Map<string, number>>();
  return {
    leaving(page: PageState) {
      if (!page.projectId) return;
      const seen = lastInView.get(page.origin) ?? new Map<string, number>();
      seen.set(page.projectId, now());
      lastInView.set(page.origin, seen);
    },
    projects(origin: string): string[] {
      const seen = [...(lastInView.get(origin) ?? [])];
      return seen.filter(([, seenAt]) => now() - seenAt < RECENTLY_IN_VIEW_MS).map(([projectId]) => projectId);
    },
  };
}

/** Since when a stream has been live without a break, or null when it is not live. */
export function liveSinceOf(status: EventStreamStatus | null): number | null {
  return status?.state === 'live' ? status.since : null;
}

/** A host's last page closed: its stream stops unless one of its pages opens within the linger. */
function stopWhenIdle(pagesOf: (origin: string) => PageState[], streams: ReadonlyMap<string, EventStream>) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  return {
    cancel(origin: string) {
      clearTimeout(timers.get(origin));
      timers.delete(origin);
    },
    schedule(origin: string) {
      const timer = setTimeout(() => {
        timers.delete(origin);
        if (pagesOf(origin).length === 0) streams.get(origin)?.stop();
      }, STREAM_LINGER_MS);
      timers.set(origin, timer);
    },
  };
}

/** Sidekick's own running jobs: the events of their writes are held, then applied once when each ends. */
function ownJobEvents(
  invalidate: (origin: string, invalidation: Invalidation) => Promise<void>,
  notify: (origin: string, notice: TabNotice) => void,
) {
  const ownWrites = createOwnWrites();
  return {
    hold: ownWrites.hold,
    started: (jobKey: string, origin: string, taskIds: Iterable<string>) => ownWrites.begin(jobKey, origin, taskIds),
    ended: (jobKey: string, lingerMs = OWN_EVENTS_LINGER_MS): Promise<void> =>
      new Promise((resolve) => {
        setTimeout(() => {
          const released = ownWrites.end(jobKey);
          if (!released) return resolve();
          void invalidate(released.origin, released.invalidation)
            .catch(() => undefined)
            .then(() => {
              for (const notice of released.notices) notify(released.origin, notice);
              resolve();
            });
        }, lingerMs);
      }),
  };
}

/** Keeps the background running exactly while some page is open: call it with the count of pages. */
function keepAliveWhileOpen(keepAlive: LivePagesOptions['keepAlive'], keepAliveMs: number) {
  let timer: ReturnType<typeof setInterval> | null = null;
  return (openPages: number) => {
    if (!keepAlive) return;
    if (openPages > 0 && timer === null) {
      timer = setInterval(() => void keepAlive().catch(() => {}), keepAliveMs);
    } else if (openPages === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

async function outdateCache(
  sessionFor: LivePagesOptions['sessionFor'],
  origin: string,
  kinds: readonly CacheKind[],
): Promise<void> {
  const session = await sessionFor(origin);
  if (!session) return;
  for (const kind of kinds) await session.cache.outdateKind(kind);
}

async function invalidateCache(
  sessionFor: LivePagesOptions['sessionFor'],
  origin: string,
  { tags, kinds }: Invalidation,
): Promise<void> {
  const session = await sessionFor(origin);
  if (!session) return;
  await session.cache.invalidateTags(tags);
  for (const kind of kinds) await session.cache.invalidateKind(kind);
}
