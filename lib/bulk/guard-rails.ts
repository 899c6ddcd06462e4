// What the bulk panel says before a plan is built: a large selection or one spanning productions
// deserves a second look. An empty selection is refused by the operations themselves.
import type { SelectedTask } from './selection';

/** Above this many tasks the panel warns; plans stay possible (the preview is paginated). */
export const LARGE_SELECTION = 500;

export function selectionWarnings(tasks: readonly SelectedTask[], threshold = LARGE_SELECTION): string[] {
  const productions = new Set(tasks.map((task) => task.projectId));
  return [
    tasks.length > threshold &&
      `${tasks.length} tasks: more than ${threshold}. Check the filters before building a plan this large.`,
    productions.size > 1 &&
      `These tasks belong to ${productions.size} productions: Sidekick builds one plan per production.`,
  ].filter((warning): warning is string => typeof warning === 'string');
}
