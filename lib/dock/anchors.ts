import { waitForSelector } from '../dom/selector-observer';
import type { PageContext } from '../kitsu-routes';

/**
 * The element that tells Kitsu has rendered a page of this kind: the URL changes first and the
 * page renders after its data arrives, so panels wait for it. Class names from Kitsu's DOM
 * (cgwire/kitsu's src/components); the top bar is the fallback every page has.
 */
const LIST_ANCHORS: Partial<Record<PageContext['kind'], string>> = {
  'entity-list': 'table.datatable',
  'task-type': 'table.datatable',
  'my-tasks': '.task-list, table.datatable',
  'my-checks': '.task-list, table.datatable',
  task: '.task-columns',
};

export const FALLBACK_ANCHOR = '.topbar';

/** My Tasks' tabs that show the task list; the others (board, calendar, timesheets…) have no list. */
const MY_TASKS_LIST_SECTIONS = new Set([undefined, 'todos', 'done']);

export function anchorFor(context: PageContext): string {
  // A task type's schedule is a Gantt chart and its estimation view has no grid of its own.
  if (context.kind === 'task-type' && context.view !== 'list') return FALLBACK_ANCHOR;
  if (context.kind === 'my-tasks' && !MY_TASKS_LIST_SECTIONS.has(context.section)) return FALLBACK_ANCHOR;
  return LIST_ANCHORS[context.kind] ?? FALLBACK_ANCHOR;
}

/** How long the dock waits for a page's own element before it settles for the top bar. */
export const ANCHOR_GRACE_MS = 400;
/** How long it waits for the top bar itself (a page still loading Kitsu's app). */
const TOP_BAR_TIMEOUT_MS = 10_000;

/**
 * Resolves true once the page of `context` has rendered: its own element, or the top bar when that
 * element has not come within the grace time (a Kitsu version that renders the kind differently must
 * not leave the dock waiting). False when aborted or when not even the top bar came.
 */
export async function waitForPage(context: PageContext, signal: AbortSignal): Promise<boolean> {
  const anchor = anchorFor(context);
  if (anchor !== FALLBACK_ANCHOR) {
    if (await waitForSelector(anchor, { signal, timeoutMs: ANCHOR_GRACE_MS })) return true;
    if (signal.aborted) return false;
  }
  return (await waitForSelector(FALLBACK_ANCHOR, { signal, timeoutMs: TOP_BAR_TIMEOUT_MS })) !== null;
}
