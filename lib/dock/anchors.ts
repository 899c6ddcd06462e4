import type { PageContext } from '../kitsu-routes';

/**
 * The element that tells Kitsu has rendered a page of this kind: the URL changes first and the
 * page renders after its data arrives, so panels wait for it. Class names from Kitsu's DOM
 * (reference kitsu-frontend.md §4); the top bar is the fallback every page has.
 */
const ANCHORS: Partial<Record<PageContext['kind'], string>> = {
  'entity-list': 'table.datatable',
  'task-type': 'table.datatable',
  'my-tasks': '.task-list, table.datatable',
  'my-checks': '.task-list, table.datatable',
  task: '.task-columns',
};

export const FALLBACK_ANCHOR = '.topbar';

export function anchorFor(context: PageContext): string {
  return ANCHORS[context.kind] ?? FALLBACK_ANCHOR;
}
