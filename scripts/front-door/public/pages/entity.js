// One entity (cgwire/kitsu `src/components/pages/Shot.vue`, `Asset.vue`...) and the full task page
// (`src/components/pages/Task.vue`, which mounts a preview player and so Kitsu's window shortcuts).
import { api, NotFoundError, referenceData } from '../api.js';
import { withBase } from '../base.js';
import { addCommentForm, commentsBlock } from '../comments.js';
import { assigneeAvatars, formatDate, formatDays, h, page, statusTag } from '../dom.js';
import { listTable, stripe, view } from '../lists.js';
import { mountPreviewPlayer } from '../preview-player.js';
import { entityIdOf, entityPath, productionPath, SINGULAR, taskPath, taskTypePath } from '../routes.js';
import { onPageLeave } from '../shell.js';

function taskRow({ task, taskType }, index, reference, scope) {
  const { productionId, episodeId, section } = scope;
  return h(
    `tr.datatable-row.stripe-${stripe(index)}`,
    {},
    h(
      'td.type',
      {},
      h(
        'a',
        { href: withBase(taskTypePath(productionId, episodeId, section, task.task_type_id)) },
        taskType?.name ?? '',
      ),
    ),
    h('td.validation.status', {}, statusTag(reference.statuses.get(task.task_status_id))),
    h('td.assignees', {}, assigneeAvatars(task.assignees, reference.persons)),
    h('td.due-date', {}, formatDate(task.due_date)),
    h('td.task-link', {}, h('a', { href: withBase(taskPath(productionId, episodeId, section, task.id)) }, 'Open task')),
  );
}

export async function entityPage(route) {
  const { production_id: productionId, episode_id: episodeId, section } = route.params;
  const entityId = entityIdOf(route);
  const scope = { productionId, episodeId, section };
  const title = h('span.entity-name', {}, '');
  const description = h('p.entity-description.description');
  const list = listTable({
    tableClass: '.entity-tasks',
    headCells: ['Task type', 'Status', 'Assignees', 'Due date', ''].map((label) => h('th', {}, label)),
  });
  const back =
    section === 'episodes' ? `/productions/${productionId}/episodes` : productionPath(productionId, episodeId, section);
  const node = page(
    `entity-page.${SINGULAR[section]}`,
    h(
      'div.page-header',
      {},
      h('a.back-link', { href: withBase(back) }, '← Back to the list'),
      h('h1.title', {}, title),
    ),
    description,
    list.element,
  );
  const loaded = Promise.all([
    api(`/data/entities/${entityId}`),
    api(`/data/tasks?entity_id=${encodeURIComponent(entityId)}`),
    referenceData(),
  ])
    .then(([entity, tasks, reference]) => {
      title.textContent = entity.name;
      description.textContent = entity.description ?? '';
      const rows = tasks
        .map((task) => ({ task, taskType: reference.taskTypes.get(task.task_type_id) }))
        .sort((a, b) => (a.taskType?.priority ?? 0) - (b.taskType?.priority ?? 0));
      list.setRows(rows.map((row, index) => taskRow(row, index, reference, scope)));
    })
    .catch((error) => {
      if (!(error instanceof NotFoundError)) throw error;
      title.textContent = `This ${SINGULAR[section]} does not exist.`;
      list.setRows([]);
    });
  return view(node, loaded);
}

function taskInfoTable(task) {
  const rows = [
    ['Estimation (days)', formatDays(task.estimation)],
    ['Duration (days)', formatDays(task.duration)],
    ['Retakes', task.retake_count ?? 0],
    ['Start date', formatDate(task.start_date)],
    ['Due date', formatDate(task.due_date)],
    ['Real start date', formatDate(task.real_start_date)],
    ['End date', formatDate(task.end_date)],
    ['Done date', formatDate(task.done_date)],
  ];
  return h(
    'table.task-info-table',
    {},
    h(
      'tbody',
      {},
      rows.map(([label, value]) => h('tr', {}, h('th', {}, label), h('td', {}, value))),
    ),
  );
}

export async function taskPage(route) {
  const { production_id: productionId, episode_id: episodeId, type, task_id: taskId } = route.params;
  const [task, reference] = await Promise.all([api(`/data/tasks/${taskId}/full`), referenceData()]);
  const entityName = [task.episode?.name, task.sequence?.name, task.entity?.name].filter(Boolean).join(' / ');
  const commentsColumn = h('div.task-column.comments-column', {}, await commentsBlock(taskId, reference.statuses));
  const refreshComments = async () => commentsColumn.replaceChildren(await commentsBlock(taskId, reference.statuses));
  const previewColumn = h('div.task-column.preview-column', {}, taskInfoTable(task));
  const node = page(
    'task-page',
    h(
      'div.page-header',
      {},
      h(
        'div.header-title',
        {},
        h('a.entity-name', { href: withBase(entityPath(productionId, episodeId, type, task.entity_id)) }, entityName),
        h('span.task-type-name', { style: { borderColor: task.task_type?.color } }, task.task_type?.name ?? ''),
        statusTag(task.task_status ?? reference.statuses.get(task.task_status_id)),
        h('span.assignees', {}, assigneeAvatars(task.persons ?? task.assignees, reference.persons)),
      ),
    ),
    h(
      'div.task-columns',
      {},
      previewColumn,
      h('div.task-column', {}, commentsColumn, addCommentForm(task, reference.statuses, refreshComments)),
    ),
  );
  const showPlayer = () => {
    const player = mountPreviewPlayer();
    previewColumn.prepend(player.element);
    onPageLeave(node, player.unmount);
  };
  return view(node, Promise.resolve(), showPlayer);
}
