// Shared by the Firefox manifest (wxt.config.ts, where nothing of the extension's runtime may be
// imported) and the runtime request: one list, so what is declared is what is asked.

/**
 * What a prompt to a model server carries, in Firefox's data-collection categories (declared as
 * `optional` in the manifest; nothing is collected until a person switches a server on): text of Kitsu
 * pages (task and production names, the plan's changes), comments people wrote to each other, and —
 * unless left out, as they are by default — people's names and e-mail addresses.
 */
export const AI_DATA_COLLECTION = ['websiteContent', 'personalCommunications', 'personallyIdentifyingInfo'] as const;
