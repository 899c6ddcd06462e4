import { z } from 'zod/mini';
import { kitsuRoleSchema } from '../../shared/roles';
import { type AllowedSender, pageUrl } from './common';

// The dock on Kitsu pages, and the popup: what the page shows, the connection's state, pause.

/** What the page shows, with names from Kitsu. */
const pageOverview = z.object({ type: z.literal('page/overview'), url: pageUrl });

/** The popup's view of the tab it was opened on: the origin comes from the tabs API, in the popup. */
const popupState = z.object({
  type: z.literal('popup/state'),
  origin: z.nullable(/* @__PURE__ */ z.string().check(z.url())),
});
const setPaused = z.object({ type: z.literal('settings/set-paused'), paused: z.boolean() });

/**
 * Loads the dock's lazy panels into the asking page's isolated world (the content script's, never the
 * page's): the content script that runs on every Kitsu page stays small.
 */
const dockLoadPanels = z.object({ type: z.literal('dock/load-panels') });

export const dockRequests = [pageOverview, popupState, setPaused, dockLoadPanels] as const;
export type DockRequest = z.infer<(typeof dockRequests)[number]>;

export const dockSenders = {
  'page/overview': ['content-script'],
  'popup/state': ['extension-page'],
  'settings/set-paused': ['extension-page'],
  'dock/load-panels': ['content-script'],
} as const satisfies Record<DockRequest['type'], readonly AllowedSender[]>;

export const connectionStates = ['connected', 'expired', 'revoked', 'refused', 'unreachable', 'error'] as const;

export const pageOverviewAnswer = z.object({
  /** What Sidekick understood of the page, as a short label ("Shots · episode all"). */
  where: z.string(),
  connection: z.object({
    label: z.string(),
    state: z.enum(connectionStates),
    /** One sentence for the dock: who Sidekick is connected as, or what to do. */
    message: z.string(),
  }),
  names: z.object({
    production: z.optional(z.string()),
    episode: z.optional(z.string()),
    entityType: z.optional(z.string()),
    entity: z.optional(z.string()),
    taskType: z.optional(z.string()),
    taskStatus: z.optional(z.string()),
  }),
});

export const popupStateAnswer = z.object({
  extensionVersion: z.string(),
  paused: z.boolean(),
  connection: z.nullable(
    z.object({
      label: z.string(),
      origin: z.string(),
      state: z.enum(connectionStates),
      message: z.string(),
      role: z.nullable(kitsuRoleSchema),
      kitsuVersion: z.nullable(z.string()),
      cache: z.object({
        hits: z.number(),
        staleServed: z.number(),
        misses: z.number(),
        requests: z.number(),
        entries: z.number(),
        /** What the entries take in IndexedDB (their JSON length, about their stored size). */
        storedBytes: z.number(),
      }),
      /** Live updates from Kitsu's event stream; null while no Kitsu tab of this host is open. */
      live: z.nullable(
        z.object({
          state: z.enum(['connecting', 'live', 'reconnecting', 'off']),
          lastEventAt: z.nullable(z.number()),
        }),
      ),
    }),
  ),
});

export const dockLoadPanelsAnswer = z.object({ loaded: z.literal(true) });

export const dockAnswers = {
  'page/overview': pageOverviewAnswer,
  'popup/state': popupStateAnswer,
  'settings/set-paused': z.object({ paused: z.boolean() }),
  'dock/load-panels': dockLoadPanelsAnswer,
};

/** Messages the background sends to the content script of a tab. */
export const pageNoticeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dock/toggle') }),
  /** Kitsu data shown on the page changed (a live event): panels showing it read it again. */
  z.object({ type: z.literal('changed'), projectId: z.optional(z.string()), tags: z.array(z.string()) }),
]);
export type PageNotice = z.infer<typeof pageNoticeSchema>;

/**
 * Each Kitsu page keeps one port open to the background: it says where the page is after each
 * navigation, receives "changed" notices, and its closing tells the background the page is gone.
 */
export const PAGE_PORT_NAME = 'sidekick-page';
export const pagePortMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page/visit'), url: pageUrl }),
]);
export type PagePortMessage = z.infer<typeof pagePortMessageSchema>;
