// My Tasks (cgwire/kitsu `src/components/pages/Todos.vue`, list `TodosList.vue`, a kanban board view),
// My Checks (`MyChecks.vue`), a person's page (`Person.vue`) and the people list (`People.vue`).
import { api, loadPersons, referenceData } from '../api.js';
import { withBase } from '../base.js';
import { assigneeAvatars, avatar, formatDate, formatDays, h, page, statusTag, tabs } from '../dom.js';
import { collectionTable, listTable, stripe, view } from '../lists.js';
import { entityPath, SECTION_OF_ENTITY, taskPath } from '../routes.js';
import { searchBox, searchTerm } from '../search.js';
import { sideColumn } from '../side-panel.js';
import { createTaskSelection } from '../task-selection.js';

function taskLinks(t) {
  const section = SECTION_OF_ENTITY[t.task_type_for_entity] ?? 'shots';
  const episodeId = t.episode_id && section !== 'episodes' && section !== 'assets' ? t.episode_id : null;
  const entityHref = entityPath(t.project_id, episodeId, section, t.entity_id);
  const entityName = [t.sequence_name, t.entity_name].filter(Boolean).join(' / ');
  return { entityName, entityHref, taskHref: taskPath(t.project_id, episodeId, section, t.id) };
}

function personTaskRow(t, index, { withAssignees, persons, selection }) {
  const panel = taskLinks(t);
  return h(
    `tr.datatable-row.datatable-row--selectable.stripe-${stripe(index)}`,
    {},
    h('td.production', { title: t.project_name }, t.project_name),
    h('td.type', {}, h('span.task-type-name', { style: { borderColor: t.task_type_color } }, t.task_type_name)),
    h('td.name', {}, h('a.entity-name', { href: withBase(panel.entityHref) }, panel.entityName)),
    h('td.episode', {}, t.episode_name ?? ''),
    h('td.description', {}, t.entity_description ?? ''),
    withAssignees ? h('td.assignees', {}, assigneeAvatars(t.assignees, persons)) : null,
    h('td.estimation', {}, formatDays(t.task_estimation ?? t.estimation)),
    h('td.duration', {}, formatDays(t.task_duration ?? t.duration)),
    h('td.start-date', {}, formatDate(t.task_start_date ?? t.start_date)),
    h('td.due-date', {}, formatDate(t.task_due_date ?? t.due_date)),
    selection.cell(t, panel, '.status'),
    h('td.last-comment', {}, t.last_comment?.text ?? ''),
  );
}

const matches = (t, term) =>
  !term ||
  `${t.project_name} ${t.task_type_name} ${t.sequence_name ?? ''} ${t.entity_name}`.toLowerCase().includes(term);

/** Task rows for My Tasks, My Checks and a person's page: header at once, rows once loaded. */
async function personTasksPage(name, title, tasksPromise, { withAssignees = false, header = null } = {}) {
  const reference = await referenceData();
  const side = sideColumn();
  const selection = createTaskSelection(side, reference);
  const headers = [
    'Production',
    'Task type',
    'Name',
    'Episode',
    'Description',
    ...(withAssignees ? ['Assignees'] : []),
  ];
  const list = listTable({
    dataListClass: '.task-list',
    headCells: [...headers, 'Estimation', 'Duration', 'Start date', 'Due date', 'Status', 'Last comment'].map((label) =>
      h('th', {}, label),
    ),
  });
  const footer = h('p.footer-info');
  let tasks = null;
  const fillBody = () => {
    if (!tasks) return;
    const shown = tasks.filter((t) => matches(t, searchTerm()));
    list.setRows(
      shown.map((t, index) => personTaskRow(t, index, { withAssignees, persons: reference.persons, selection })),
    );
    footer.textContent = `${shown.length} ${shown.length === 1 ? 'task' : 'tasks'}`;
  };
  const node = page(
    name,
    h('div.page-header', {}, h('h1.title', {}, title), header, searchBox(fillBody)),
    h('div.columns.fixed-page', {}, h('div.column.main-column', {}, list.element, footer), side),
  );
  const loaded = tasksPromise.then((loadedTasks) => {
    tasks = loadedTasks;
    fillBody();
    selection.selectFromQuery();
  });
  return view(node, loaded);
}

/** The kanban board of My Tasks: one column per status, task cards in it; no table. */
async function boardView(header) {
  const reference = await referenceData();
  const board = h('div.board.todos-board', {}, h('p.loading', {}, 'Loading...'));
  const loaded = api('/data/user/tasks').then((tasks) => {
    const statuses = [...reference.statuses.values()].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
    board.replaceChildren(
      ...statuses.map((status) =>
        h(
          'div.board-column',
          {},
          h('div.board-column-title', {}, statusTag(status), ` ${status.name}`),
          tasks
            .filter((t) => t.task_status_id === status.id)
            .map((t) =>
              h(
                'div.board-card',
                {},
                h('a', { href: withBase(taskLinks(t).taskHref) }, `${t.task_type_name} · ${t.entity_name}`),
              ),
            ),
        ),
      ),
    );
  });
  return view(
    page('todos.todos-board-page', h('div.page-header', {}, h('h1.title', {}, 'My Tasks'), header), board),
    loaded,
  );
}

export async function todosPage() {
  const section = new URLSearchParams(location.search).get('section') ?? 'todos';
  const header = tabs(
    '.task-tabs',
    [
      ['todos', 'To do', '/my-tasks?section=todos'],
      ['done', 'Done', '/my-tasks?section=done'],
      ['board', 'Board', '/my-tasks?section=board'],
      ['timesheets', 'Timesheets', '/my-tasks?section=timesheets'],
    ],
    section,
  );
  if (section === 'board') return boardView(header);
  if (section === 'timesheets') {
    const table = collectionTable(
      () => api('/data/user/tasks'),
      [
        ['Task type', 'type', (t) => t.task_type_name],
        ['Name', 'name', (t) => t.entity_name],
        ['Time spent (days)', 'time-spent', (t) => formatDays(t.duration)],
      ],
      { tableClass: '.timesheet-list' },
    );
    return view(
      page('todos', h('div.page-header', {}, h('h1.title', {}, 'My Tasks'), header), table.element),
      table.loaded,
    );
  }
  return personTasksPage('todos', 'My Tasks', api(section === 'done' ? '/data/user/done-tasks' : '/data/user/tasks'), {
    header,
  });
}

export function checksPage() {
  return personTasksPage('my-checks', 'My Checks', api('/data/user/tasks-to-check'), { withAssignees: true });
}

export async function personPage(route) {
  const personId = route.params.person_id;
  const person = await api(`/data/persons/${personId}`);
  return personTasksPage('person', person.full_name ?? 'Person', api(`/data/persons/${personId}/tasks`), {
    header: h('div.person-header', {}, avatar(person), h('span.role', {}, person.role ?? '')),
  });
}

export function peoplePage() {
  const sorted = () =>
    loadPersons().then((map) => [...map.values()].sort((a, b) => (a.full_name ?? '').localeCompare(b.full_name ?? '')));
  const table = collectionTable(sorted, [
    ['Name', 'name', (p) => [avatar(p), h('a', { href: withBase(`/people/${p.id}`) }, p.full_name ?? '')]],
    ['Email', 'email', (p) => p.email ?? ''],
    ['Role', 'role', (p) => p.role ?? ''],
  ]);
  return view(page('people', h('h1.title', {}, 'People'), table.element), table.loaded);
}
