import { z } from 'zod/mini';

// zod/mini, not classic zod: the content script bundles these schemas and has a size budget (mini is
// tree-shakable). `/* @__PURE__ */` marks schemas built with a method call (`.check`, `.brand`) as free of
// side effects, so a bundle that does not use them can drop them.

/** 'confirm-page' is the extension's own confirm window: the only place a plan can be confirmed. */
export const senderKinds = ['extension-page', 'confirm-page', 'content-script'] as const;
export type AllowedSender = (typeof senderKinds)[number];

export const planId = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100));
export const shortId = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100));

/**
 * A Kitsu page's URL. It travels in the message because the browser's `sender.url` keeps the URL the
 * document loaded with, not the one after Kitsu's pushState navigations; the background only accepts a
 * URL on the sender's own, browser-stamped origin.
 */
export const pageUrl = /* @__PURE__ */ z.string().check(z.url(), z.maxLength(4096));

/** A plan was built and opened in the confirm window; nothing is written yet. */
export const planProposalAnswer = z.object({ planId: z.string(), operationCount: z.number() });

export const named = z.object({ id: z.string(), name: z.string() });
export const statusNames = z.object({ id: z.string(), name: z.string(), shortName: z.string() });
