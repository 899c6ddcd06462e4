// Studio pages (cgwire/kitsu `src/components/pages/`): the admin lists (Productions, Departments, TaskTypes,
// TaskStatus, AssetTypes, CustomActions, StatusAutomations, Bots, Settings, Logs...), AllTasks, TeamSchedule
// and MainSchedule (Gantt charts), Timesheets, EntitySearch, Notifications, Profile, OpenProductions.
import { api, loadPersons, loadProductions, optionalCollection } from '../api.js';
import { withBase } from '../base.js';
import { avatar, formatDate, h, initials, page, tabs } from '../dom.js';
import { collectionTable, view } from '../lists.js';
import { gantt } from '../schedule.js';
import { searchBox } from '../search.js';
import { productionHomePath } from '../topbar.js';

const name = (item) => item.name ?? '';
const persons = () => loadPersons().then((map) => [...map.values()]);

// route name -> [title, API collection, columns]
const COLLECTIONS = {
  productions: [
    'Productions',
    '/data/projects',
    [
      ['Name', 'name', name],
      ['Status', 'status', (p) => p.project_status_name ?? ''],
    ],
  ],
  'new-production': ['New production', null, []],
  notifications: [
    'Notifications',
    '/data/user/notifications',
    [
      ['Date', 'date', (n) => formatDate(n.created_at)],
      ['Type', 'type', (n) => n.type ?? ''],
    ],
  ],
  'entity-chats': ['Chats', '/data/user/chats', [['Entity', 'name', (c) => c.entity_name ?? c.object_id ?? '']]],
  'asset-library': ['Asset Library', '/data/assets/shared', [['Name', 'name', name]]],
  bots: [
    'Bots',
    persons,
    [
      ['Name', 'name', (p) => p.full_name ?? ''],
      ['Role', 'role', (p) => p.role ?? ''],
    ],
    (p) => p.is_bot,
  ],
  departments: ['Departments', '/data/departments', [['Name', 'name', name]]],
  studios: ['Studios', '/data/studios', [['Name', 'name', name]]],
  'asset-types': ['Asset Types', '/data/asset-types', [['Name', 'name', name]]],
  'task-types': [
    'Task Types',
    '/data/task-types',
    [
      ['Name', 'name', name],
      ['For', 'for-entity', (t) => t.for_entity],
    ],
  ],
  'task-status': [
    'Task Status',
    '/data/task-status',
    [
      ['Name', 'name', name],
      ['Short name', 'short-name', (s) => s.short_name],
    ],
  ],
  backgrounds: ['Backgrounds', '/data/preview-background-files', [['Name', 'name', name]]],
  'custom-actions': [
    'Custom Actions',
    '/data/custom-actions',
    [
      ['Name', 'name', name],
      ['URL', 'url', (a) => a.url ?? ''],
    ],
  ],
  'status-automations': [
    'Status Automations',
    '/data/status-automations',
    [['Entity', 'entity-type', (a) => a.entity_type ?? '']],
  ],
  'software-licenses': ['Software Licenses', '/data/softwares', [['Name', 'name', name]]],
  'hardware-items': ['Hardware Items', '/data/hardware-items', [['Name', 'name', name]]],
  'salary-scale': ['Salary Scale', '/data/salary-scales', [['Position', 'position', (s) => s.position ?? '']]],
  settings: [
    'Settings',
    '/data/organisations',
    [
      ['Studio', 'name', name],
      ['Hours by day', 'hours-by-day', (o) => o.hours_by_day ?? ''],
    ],
  ],
  logs: [
    'Logs',
    '/data/events/last?limit=50',
    [
      ['Date', 'date', (e) => formatDate(e.created_at)],
      ['Event', 'event', (e) => e.name ?? ''],
    ],
  ],
  'project-templates': ['Project Templates', '/data/project-templates', [['Name', 'name', name]]],
  'project-template-settings': ['Project Template', '/data/project-templates', [['Name', 'name', name]]],
};

/** An admin page: its title and the table of its collection (empty when the session may not read it). */
export function studioPage(route) {
  const [title, source, columns, keep = () => true] = COLLECTIONS[route.name];
  if (!source)
    return view(
      page(
        route.name,
        h('h1.title', {}, title),
        h('form.new-production-form', {}, h('input.input', { type: 'text', 'aria-label': 'Name' })),
      ),
    );
  const load = () =>
    (typeof source === 'function' ? source() : optionalCollection(source)).then((items) => items.filter(keep));
  const table = collectionTable(load, columns, { tableClass: `.${route.name}-list` });
  return view(page(route.name, h('h1.title', {}, title), table.element), table.loaded);
}

export async function profilePage(_route, session) {
  const user = session.user;
  return view(
    page(
      'profile',
      h('h1.title', {}, 'Profile'),
      h(
        'div.profile-card',
        {},
        avatar(user),
        h('span.profile-name', {}, user.full_name ?? ''),
        h('span.profile-email', {}, user.email ?? ''),
      ),
    ),
  );
}

export function allTasksPage() {
  const table = collectionTable(
    () => api('/data/tasks/open-tasks?limit=100').then((answer) => answer.data ?? []),
    [
      ['Production', 'production', (t) => t.project_name ?? ''],
      ['Task type', 'type', (t) => t.task_type_name ?? ''],
      ['Name', 'name', (t) => t.entity_name ?? ''],
      ['Due date', 'due-date', (t) => formatDate(t.due_date)],
    ],
    { tableClass: '.all-tasks-list', dataListClass: '.task-list' },
  );
  return view(
    page(
      'all-tasks',
      h(
        'div.page-header',
        {},
        h('h1.title', {}, 'All Tasks'),
        searchBox(() => {}),
      ),
      table.element,
    ),
    table.loaded,
  );
}

/** Team schedule and main (studio) schedule: Gantt charts of people or productions. */
export function studioSchedulePage(route) {
  const holder = h('div.studio-schedule-chart', {}, h('p.loading', {}, 'Loading...'));
  const load =
    route.name === 'main-schedule'
      ? loadProductions().then((productions) =>
          productions.map((p) => ({
            name: p.name,
            startDate: p.start_date,
            endDate: p.end_date,
            href: `/productions/${p.id}/schedule`,
          })),
        )
      : persons().then((people) =>
          people.filter((p) => !p.is_bot).map((p) => ({ name: p.full_name ?? '', href: `/people/${p.id}` })),
        );
  const loaded = load.then((items) => holder.replaceChildren(gantt(items, `.${route.name}-gantt`)));
  const title = route.name === 'main-schedule' ? 'Main Schedule' : 'Team Schedule';
  return view(page(route.name, h('h1.title', {}, title), holder), loaded);
}

export function timesheetsPage(route) {
  const unit = /timesheets-(year|month|week|day)/.exec(route.name)?.[1] ?? 'month';
  const year = route.params.year ?? String(new Date().getFullYear());
  const unitTabs = tabs(
    '.timesheet-tabs',
    ['day', 'week', 'month', 'year'].map((u) => [
      u,
      u[0].toUpperCase() + u.slice(1),
      `/timesheets/${u}/${year}${u === 'day' ? '/1' : ''}`,
    ]),
    unit,
  );
  const table = collectionTable(
    () => persons().then((people) => people.filter((p) => !p.is_bot)),
    [
      ['Person', 'name', (p) => p.full_name ?? ''],
      [year, 'time-spent', () => '0'],
    ],
    { tableClass: '.timesheet-table' },
  );
  return view(page('timesheets', h('h1.title', {}, 'Timesheets'), unitTabs, table.element), table.loaded);
}

export function entitySearchPage() {
  const results = h('div.entity-search-results', {}, h('p.empty', {}, 'Type to search shots, assets and people.'));
  return view(
    page(
      'entity-search',
      h('h1.title', {}, 'Search'),
      searchBox(() => {}),
      results,
    ),
  );
}

export async function openProductionsPage() {
  const productions = await loadProductions();
  const cards = await Promise.all(
    productions.map(async (production) =>
      h(
        'a.open-production',
        { href: withBase(await productionHomePath(production.id)) },
        h('div.production-avatar', {}, initials(production.name)),
        h('div.production-name', {}, production.name),
      ),
    ),
  );
  return view(
    page(
      'open-productions',
      h('h1.title', {}, 'My Productions'),
      cards.length ? h('div.open-productions-list', {}, cards) : h('p.empty', {}, 'No open production.'),
    ),
  );
}
