// Production grids: Assets, Shots, Sequences, Edits, Episodes (cgwire/kitsu `src/components/pages/Shots.vue`
// and `src/components/lists/ShotList.vue`...): header at once, rows once loaded, task cells that select,
// push `?task_id=` and open the side panel on the right.
import { api, loadProduction, referenceData } from '../api.js';
import { withBase } from '../base.js';
import { h, page } from '../dom.js';
import { listTable, stripe, view } from '../lists.js';
import { entityPath, FOR_ENTITY, SINGULAR, taskPath, taskTypePath } from '../routes.js';
import { searchBox, searchTerm } from '../search.js';
import { sideColumn } from '../side-panel.js';
import { createTaskSelection } from '../task-selection.js';

/** Loads `/data/<section>/with-tasks` for a production, scoped to an episode like Kitsu does. */
export async function loadEntitiesWithTasks(section, productionId, episodeId) {
  const query = new URLSearchParams({ project_id: productionId });
  const scoped = episodeId && episodeId !== 'all' && episodeId !== 'main' && section !== 'episodes';
  if (scoped) query.set('episode_id', episodeId);
  let entities = await api(`/data/${section}/with-tasks?${query}`);
  // "main" = the main pack: assets not tied to an episode.
  if (episodeId === 'main') entities = entities.filter((entity) => !entity.episode_id || entity.episode_id === 'None');
  return entities;
}

export function groupLabel(section, entity) {
  if (section === 'shots') return [entity.episode_name, entity.sequence_name].filter(Boolean).join(' / ');
  if (section === 'assets') return entity.asset_type_name ?? '';
  return '';
}

/** Task-type columns: the production's task types for this entity type, plus any a task uses. */
function columnsFor(section, production, entities, taskTypes) {
  const used = new Set(entities.flatMap((entity) => (entity.tasks ?? []).map((task) => task.task_type_id)));
  const inProduction = new Set(production.task_types ?? []);
  return [...taskTypes.values()]
    .filter(
      (tt) => tt.for_entity === FOR_ENTITY[section] && !tt.archived && (inProduction.has(tt.id) || used.has(tt.id)),
    )
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0) || a.name.localeCompare(b.name));
}

function headCells(columns, { productionId, episodeId, section }) {
  return [
    h('th.datatable-row-header.name', {}, 'Name'),
    h('th.description', {}, 'Description'),
    columns.map((tt) =>
      h(
        'th.validation-cell.validation-header',
        { style: { borderTopColor: tt.color } },
        h('a', { href: withBase(taskTypePath(productionId, episodeId, section, tt.id)), title: tt.name }, tt.name),
      ),
    ),
  ];
}

function entityRow(entity, index, columns, scope, selection) {
  const { productionId, episodeId, section } = scope;
  const group = groupLabel(section, entity);
  const href = entityPath(productionId, section === 'episodes' ? null : episodeId, section, entity.id);
  const nameLink =
    section === 'assets'
      ? h('a.asset-link.asset-name', { href: withBase(href), title: entity.name }, entity.name)
      : h('a', { href: withBase(href), title: entity.name }, entity.name);
  const tasksByType = new Map((entity.tasks ?? []).map((task) => [task.task_type_id, task]));
  const entityName = group ? `${group} / ${entity.name}` : entity.name;
  return h(
    `tr.datatable-row.stripe-${stripe(index)}${entity.canceled ? '.canceled' : ''}`,
    {},
    h(`th.datatable-row-header.${SINGULAR[section]}-name.name`, {}, nameLink),
    h('td.description', {}, entity.description ?? ''),
    columns.map((tt) => {
      const task = tasksByType.get(tt.id);
      return selection.cell(task, {
        entityName,
        entityHref: href,
        taskHref: task && taskPath(productionId, episodeId, section, task.id),
      });
    }),
  );
}

function groupedRows(entities, columns, scope, selection) {
  const rows = [];
  let currentGroup = null;
  entities.forEach((entity, index) => {
    const group = groupLabel(scope.section, entity);
    if (group && group !== currentGroup) {
      currentGroup = group;
      rows.push(h('tr.datatable-type-header', {}, h('th', { colspan: columns.length + 2 }, group)));
    }
    rows.push(entityRow(entity, index, columns, scope, selection));
  });
  return rows;
}

export async function entityListPage(route) {
  const { production_id: productionId, episode_id: episodeId, section } = route.params;
  const scope = { productionId, episodeId, section };
  const [production, reference] = await Promise.all([loadProduction(productionId), referenceData()]);
  const side = sideColumn();
  const selection = createTaskSelection(side, reference);
  let columns = columnsFor(section, production, [], reference.taskTypes);
  const list = listTable({
    tableClass: '.multi-section',
    headId: `datatable-${SINGULAR[section]}`,
    headCells: headCells(columns, scope),
  });
  const footer = h(`p.nb-${section}`);
  let entities = null;
  const fillBody = () => {
    if (!entities) return;
    const term = searchTerm();
    const shown = entities.filter((e) => !term || `${groupLabel(section, e)} ${e.name}`.toLowerCase().includes(term));
    list.setRows(groupedRows(shown, columns, scope, selection));
    footer.textContent = `${shown.length} ${shown.length === 1 ? SINGULAR[section] : section}`;
  };
  const node = page(
    section,
    h(
      'div.columns.fixed-page',
      {},
      h('div.column.main-column', {}, h('div.page-header.list-header', {}, searchBox(fillBody)), list.element, footer),
      side,
    ),
  );
  const loaded = loadEntitiesWithTasks(section, productionId, episodeId).then((loadedEntities) => {
    entities = [...loadedEntities].sort(
      (a, b) => groupLabel(section, a).localeCompare(groupLabel(section, b)) || a.name.localeCompare(b.name),
    );
    columns = columnsFor(section, production, entities, reference.taskTypes);
    list.setHead(headCells(columns, scope));
    fillBody();
    selection.selectFromQuery();
  });
  return view(node, loaded);
}
