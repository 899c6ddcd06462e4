// Task cells (cgwire/kitsu `src/components/cells/ValidationCell.vue`) and their selection.
// Every selection change of a grid does `router.push({ query: { ...query, task_id } })`, with the
// task id when exactly one task is selected and without it otherwise
// (cgwire/kitsu `src/mixins/entity_list.js` `updateTaskInQuery`): clicking a cell, and clicking it
// again to unselect it, change the URL. A `task_id` in the URL selects its cell (`selectTaskFromQuery`).
import { assigneeAvatars, h, statusTag } from './dom.js';
import { onQueryChange, pushQuery, queryParam } from './router.js';
import { closeTaskPanel, openMultiSelectionPanel, openTaskPanel } from './side-panel.js';

const PRIORITY_CLASSES = ['', 'high', 'veryhigh', 'emergency'];

/** Selection of one list page: cells are rebuilt on every filter, the selection lives here. */
export function createTaskSelection(column, reference) {
  const known = new Map(); // task id -> {task, panel, cells}
  const selected = new Set();

  const refreshCells = () => {
    for (const [taskId, entry] of known) {
      for (const cell of entry.cells) cell.classList.toggle('selected', selected.has(taskId));
    }
  };
  const clear = () => {
    selected.clear();
    refreshCells();
    closeTaskPanel(column);
  };
  const closeAndPush = () => {
    clear();
    pushQuery({ task_id: undefined });
  };
  const showPanel = () => {
    if (selected.size === 0) return closeTaskPanel(column);
    if (selected.size > 1) return openMultiSelectionPanel(column, selected.size, closeAndPush);
    const { task, panel } = known.get([...selected][0]);
    openTaskPanel(column, task, { ...reference, ...panel }, closeAndPush);
  };
  const updateTaskInQuery = () => pushQuery({ task_id: selected.size === 1 ? [...selected][0] : undefined });

  const onCellClick = (taskId, event) => {
    const additive = event.ctrlKey || event.metaKey || event.shiftKey;
    if (additive) {
      if (selected.has(taskId)) selected.delete(taskId);
      else selected.add(taskId);
    } else if (selected.size === 1 && selected.has(taskId)) {
      selected.clear();
    } else {
      selected.clear();
      selected.add(taskId);
    }
    refreshCells();
    showPanel();
    updateTaskInQuery();
  };

  /** Selects the task of `?task_id=` if this page shows it (page load, back and forward). */
  const selectFromQuery = () => {
    const taskId = queryParam('task_id');
    const current = selected.size === 1 ? [...selected][0] : undefined;
    if (taskId === current || (!taskId && selected.size > 1)) return;
    selected.clear();
    if (taskId && known.has(taskId)) selected.add(taskId);
    refreshCells();
    showPanel();
  };
  onQueryChange(column, selectFromQuery);

  /** A status cell: click selects it (or unselects it), opens the side panel, pushes the URL. */
  const cell = (task, panel, extraClass = '') => {
    if (!task) return h(`td.validation.validation-cell.empty${extraClass}`);
    const td = h(
      `td.validation.validation-cell${extraClass}${selected.has(task.id) ? '.selected' : ''}`,
      {},
      statusTag(reference.statuses.get(task.task_status_id)),
      task.priority > 0
        ? h(`span.priority.${PRIORITY_CLASSES[Math.min(task.priority, 3)]}`, {}, '!'.repeat(task.priority))
        : null,
      // Task lists (`.status` cells) have their own td.assignees column; grids show avatars in the cell.
      extraClass === '.status' ? null : assigneeAvatars(task.assignees, reference.persons),
    );
    td.addEventListener('click', (event) => onCellClick(task.id, event));
    const entry = known.get(task.id) ?? { task, panel, cells: new Set() };
    entry.cells = new Set([...entry.cells].filter((other) => other.isConnected));
    entry.cells.add(td);
    known.set(task.id, entry);
    return td;
  };

  return { cell, selectFromQuery, clear };
}
