// The task side panel of list pages (cgwire/kitsu `src/components/sides/TaskInfo.vue`, in
// `#side-column.column.side-column`): fixed on the right from the top bar to the bottom of the window,
// with the preview player, the comments, and the comment form and its Post button at the bottom right.

import { withBase } from './base.js';
import { addCommentForm, commentsBlock } from './comments.js';
import { h, statusTag } from './dom.js';
import { mountPreviewPlayer } from './preview-player.js';
import { onPageLeave } from './shell.js';

const players = new WeakMap();

export function sideColumn() {
  const column = h('div.column.side-column', { id: 'side-column', hidden: true });
  onPageLeave(column, () => unmountPlayer(column));
  return column;
}

function unmountPlayer(column) {
  players.get(column)?.unmount();
  players.delete(column);
}

function setOpen(column, open) {
  column.hidden = !open;
  column.parentElement?.classList.toggle('with-side-panel', open);
}

async function fillComments(commentsColumn, taskId, statuses) {
  try {
    commentsColumn.replaceChildren(await commentsBlock(taskId, statuses));
  } catch (error) {
    commentsColumn.replaceChildren(h('p.error', {}, error.message));
  }
}

/** One task: header, preview player, comments, and the comment form pinned at the bottom. */
export function openTaskPanel(column, task, context, onClose) {
  // A page that was replaced while it loaded must not mount a player (its window listeners would stay).
  if (!column.isConnected) return Promise.resolve();
  const { statuses, taskTypes } = context;
  const taskType = taskTypes.get(task.task_type_id);
  unmountPlayer(column);
  const player = mountPreviewPlayer();
  players.set(column, player);
  const commentsColumn = h('div.task-column.comments-column', {}, h('p.loading', {}, 'Loading comments...'));
  const side = h(
    'div.side.task-info',
    {},
    h(
      'div.task-info-header',
      {},
      h(
        'div.header-title',
        {},
        h('span.task-type-name', { style: { borderColor: taskType?.color } }, taskType?.name ?? ''),
        h('a.entity-link', { href: withBase(context.entityHref) }, context.entityName),
        statusTag(statuses.get(task.task_status_id)),
      ),
      h('a.task-page-link', { href: withBase(context.taskHref) }, 'Open task page'),
      h('button.close-button', { type: 'button', title: 'Close', onclick: onClose }, '×'),
    ),
    h('div.task-columns', {}, h('div.task-column.preview-column', {}, player.element), commentsColumn),
    addCommentForm(task, statuses, () => fillComments(commentsColumn, task.id, statuses)),
  );
  column.replaceChildren(h('div.side-wrapper', {}, side));
  setOpen(column, true);
  return fillComments(commentsColumn, task.id, statuses);
}

/** Several tasks selected: Kitsu lists them (`.multi-selection-info`). */
export function openMultiSelectionPanel(column, count, onClose) {
  unmountPlayer(column);
  column.replaceChildren(
    h(
      'div.side-wrapper',
      {},
      h(
        'div.side.task-info.multi-selection-info',
        {},
        h(
          'div.task-info-header',
          {},
          h('h1.title', {}, `${count} tasks selected`),
          h('button.close-button', { type: 'button', title: 'Close', onclick: onClose }, '×'),
        ),
      ),
    ),
  );
  setOpen(column, true);
}

export function closeTaskPanel(column) {
  unmountPlayer(column);
  column.replaceChildren();
  setOpen(column, false);
}
