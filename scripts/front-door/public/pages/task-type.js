// One task type across entities (cgwire/kitsu `src/pages/TaskType.vue`, list `src/components/lists/TaskList.vue`),
// with three tabs: the task list, the schedule (a Gantt chart, no `table.datatable`), the estimation table.
import { referenceData } from '../api.js';
import { assigneeAvatars, formatDate, formatDays, h, page, tabs } from '../dom.js';
import { listTable, stripe, view } from '../lists.js';
import { entityPath, taskPath, taskTypePath } from '../routes.js';
import { gantt } from '../schedule.js';
import { searchBox, searchTerm } from '../search.js';
import { sideColumn } from '../side-panel.js';
import { createTaskSelection } from '../task-selection.js';
import { groupLabel, loadEntitiesWithTasks } from './entity-lists.js';

const COLUMNS = {
  '': [
    ['Status', 'status'],
    ['Assignees', 'assignees'],
    ['Difficulty', 'difficulty'],
    ['Estimation', 'estimation'],
    ['Duration', 'duration'],
    ['Retakes', 'retake-count'],
    ['Start date', 'start-date'],
    ['Due date', 'due-date'],
    ['Real start', 'real-start-date'],
    ['Done date', 'done-date'],
    ['Last comment', 'last-comment-date'],
  ],
  estimation: [
    ['Status', 'status'],
    ['Assignees', 'assignees'],
    ['Frames', 'frames'],
    ['Estimation', 'estimation'],
    ['Duration', 'duration'],
  ],
};

const CELL_VALUE = {
  difficulty: ({ task }) => task.difficulty ?? '',
  estimation: ({ task }) => formatDays(task.estimation),
  duration: ({ task }) => formatDays(task.duration),
  'retake-count': ({ task }) => task.retake_count ?? 0,
  'start-date': ({ task }) => formatDate(task.start_date),
  'due-date': ({ task }) => formatDate(task.due_date),
  'real-start-date': ({ task }) => formatDate(task.real_start_date),
  'done-date': ({ task }) => formatDate(task.done_date),
  'last-comment-date': ({ task }) => formatDate(task.last_comment_date),
  frames: ({ entity }) => entity.nb_frames ?? '',
};

function taskLine(line, index, columns, scope, selection, persons) {
  const { productionId, episodeId, type } = scope;
  const entityHref = entityPath(productionId, episodeId, type, line.entity.id);
  const entityName = [groupLabel(type, line.entity), line.entity.name].filter(Boolean).join(' / ');
  const panel = { entityName, entityHref, taskHref: taskPath(productionId, episodeId, type, line.task.id) };
  return h(
    `tr.task-line.datatable-row.stripe-${stripe(index)}`,
    {},
    h(`td.${type === 'assets' ? 'asset-type' : 'sequence'}`, {}, groupLabel(type, line.entity)),
    h('td.name', {}, line.entity.name),
    columns.map(([, key]) => {
      if (key === 'status') return selection.cell(line.task, panel, '.status');
      if (key === 'assignees') return h('td.assignees', {}, assigneeAvatars(line.task.assignees, persons));
      return h(`td.${key}`, {}, CELL_VALUE[key](line));
    }),
  );
}

function taskLines(entities, taskTypeId, type) {
  return entities
    .flatMap((entity) =>
      (entity.tasks ?? []).filter((t) => t.task_type_id === taskTypeId).map((task) => ({ entity, task })),
    )
    .sort(
      (a, b) =>
        groupLabel(type, a.entity).localeCompare(groupLabel(type, b.entity)) ||
        a.entity.name.localeCompare(b.entity.name),
    );
}

function scheduleTab(linesPromise, scope) {
  const holder = h('div.task-type-schedule-holder', {}, h('p.loading', {}, 'Loading...'));
  const loaded = linesPromise.then((lines) => {
    const items = lines.map(({ entity, task }) => ({
      name: [groupLabel(scope.type, entity), entity.name].filter(Boolean).join(' / '),
      href: taskPath(scope.productionId, scope.episodeId, scope.type, task.id),
      startDate: task.start_date,
      endDate: task.due_date,
    }));
    holder.replaceChildren(gantt(items, '.task-schedule'));
  });
  return { element: holder, loaded };
}

function listTab(linesPromise, scope, tab, reference, selection) {
  const columns = COLUMNS[tab];
  const groupClass = scope.type === 'assets' ? 'asset-type' : 'sequence';
  const list = listTable({
    dataListClass: '.task-list',
    headCells: [
      h(`th.${groupClass}`, {}, scope.type === 'assets' ? 'Type' : 'Sequence'),
      h('th.name', {}, 'Name'),
      columns.map(([label, key]) => h(`th.${key}`, {}, label)),
    ],
  });
  const footer = h('p.footer-info');
  let lines = null;
  const fillBody = () => {
    if (!lines) return;
    const term = searchTerm();
    const shown = lines.filter(
      ({ entity }) => !term || `${groupLabel(scope.type, entity)} ${entity.name}`.toLowerCase().includes(term),
    );
    list.setRows(shown.map((line, index) => taskLine(line, index, columns, scope, selection, reference.persons)));
    footer.textContent = `${shown.length} ${shown.length === 1 ? 'task' : 'tasks'}`;
  };
  const loaded = linesPromise.then((loadedLines) => {
    lines = loadedLines;
    fillBody();
    selection.selectFromQuery();
  });
  return { element: h('div', {}, list.element, footer), search: searchBox(fillBody), loaded };
}

export async function taskTypePage(route) {
  const { production_id: productionId, episode_id: episodeId, type, task_type_id: taskTypeId, tab } = route.params;
  const scope = { productionId, episodeId, type };
  const reference = await referenceData();
  const taskType = reference.taskTypes.get(taskTypeId);
  const side = sideColumn();
  const selection = createTaskSelection(side, reference);
  const linesPromise = loadEntitiesWithTasks(type, productionId, episodeId).then((entities) =>
    taskLines(entities, taskTypeId, type),
  );
  const basePath = taskTypePath(productionId, episodeId, type, taskTypeId);
  const content =
    tab === 'schedule' ? scheduleTab(linesPromise, scope) : listTab(linesPromise, scope, tab, reference, selection);
  const tabList = tabs(
    '.task-type-tabs',
    [
      ['', 'Tasks', basePath],
      ['schedule', 'Schedule', `${basePath}/schedule`],
      ['estimation', 'Estimation', `${basePath}/estimation`],
    ],
    tab,
  );
  const node = page(
    `task-type${tab ? `.task-type-${tab}` : ''}`,
    h(
      'div.page-header.task-type-header',
      {},
      h(
        'h1.title',
        {},
        h('span.task-type-name', { style: { borderColor: taskType?.color } }, taskType?.name ?? 'Unknown task type'),
      ),
      tabList,
      content.search ?? null,
    ),
    h('div.columns.fixed-page', {}, h('div.column.main-column', {}, content.element), side),
  );
  return view(node, content.loaded);
}
