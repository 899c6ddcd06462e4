import type { PageContext } from './schema';

/**
 * What makes two page contexts the same page for the dock: the path's part of the context, never its
 * query. Kitsu writes view state into the query as the person works: every click on a grid cell pushes
 * `?task_id=` (cgwire/kitsu src/mixins/entity_list.js, updateTaskInQuery), every keystroke in the search
 * box pushes `?search=` (src/mixins/search.js), and filters, sorts and tabs do the same. None of it
 * changes what the dock reads, so none of it may abort reads, remount panels or tell the background the
 * page moved. The one query parameter that names a page is My Tasks' `section` (its tab), which the
 * parser already copies out of the query into the context.
 */
export function pageContextKey(context: PageContext): string {
  const { query: _viewState, ...page } = context;
  // Pages the parser does not know keep their URL as their identity, minus its query and fragment.
  if (page.kind === 'other') return stableJson({ ...page, url: withoutQuery(page.url) });
  return stableJson(page);
}

export function samePage(a: PageContext, b: PageContext): boolean {
  return pageContextKey(a) === pageContextKey(b);
}

function withoutQuery(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

// Keys sorted at every level: two routes that build the same context in another order are one page.
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) =>
    entry !== null && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : entry,
  );
}
