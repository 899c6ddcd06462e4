import { z } from 'zod/mini';
import { type AllowedSender, pageUrl, planProposalAnswer, statusNames } from './common';

// Batch publish: the dock opens the publish page, an extension page where files are chosen where
// Kitsu's page scripts cannot read them.

/** The dock asks the background to open the publish page for the Kitsu page it is on. */
const publishOpen = z.object({ type: z.literal('publish/open'), url: pageUrl });
/** The publish page: the production's entities, tasks and statuses, for matching file names. */
const publishCatalog = z.object({ type: z.literal('publish/catalog'), url: pageUrl });
/**
 * The publish page's matched files (already in the extension's IndexedDB): the background builds the
 * plan from fresh Kitsu data and opens the confirm window; nothing is written here.
 */
const publishPropose = z.object({
  type: z.literal('publish/propose'),
  url: pageUrl,
  items: /* @__PURE__ */ z
    .array(
      z.object({
        file: z.object({
          id: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100)),
          name: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(500)),
          size: /* @__PURE__ */ z.number().check(z.int(), z.gte(0)),
          type: /* @__PURE__ */ z.string().check(z.maxLength(200)),
        }),
        taskId: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100)),
        version: z.nullable(/* @__PURE__ */ z.number().check(z.int(), z.gte(0))),
      }),
    )
    .check(z.minLength(1, 'Add at least one file matched to a task.'), z.maxLength(500)),
  template: /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1, 'Write the comment.'), z.maxLength(2000)),
  statusId: z.nullable(z.string()),
});

export const publishRequests = [publishOpen, publishCatalog, publishPropose] as const;
export type PublishRequest = z.infer<(typeof publishRequests)[number]>;

export const publishSenders = {
  'publish/open': ['content-script'],
  'publish/catalog': ['extension-page'],
  'publish/propose': ['extension-page'],
} as const satisfies Record<PublishRequest['type'], readonly AllowedSender[]>;

export const publishOpenAnswer = z.object({ opened: z.literal(true) });

/** What the publish page matches file names against (lib/publish/service.ts PublishCatalog). */
export const publishCatalogAnswer = z.object({
  productionName: z.string(),
  entities: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['shot', 'asset', 'sequence', 'edit', 'episode']),
      name: z.string(),
      sequence: z.optional(z.nullable(z.string())),
      episode: z.optional(z.nullable(z.string())),
      episodeId: z.optional(z.nullable(z.string())),
      tasks: z.array(z.object({ id: z.string(), taskTypeId: z.string() })),
    }),
  ),
  taskTypes: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.optional(z.nullable(z.string())) })),
  statuses: z.array(statusNames),
  defaultStatusId: z.nullable(z.string()),
  taskStatuses: z.record(z.string(), z.string()),
  scope: z.object({
    taskTypeId: z.optional(z.string()),
    entityId: z.optional(z.string()),
    taskId: z.optional(z.string()),
    episodeId: z.optional(z.string()),
  }),
});
export type PublishCatalogAnswer = z.infer<typeof publishCatalogAnswer>;

export const publishAnswers = {
  'publish/open': publishOpenAnswer,
  'publish/catalog': publishCatalogAnswer,
  'publish/propose': planProposalAnswer,
};
