// Kitsu's table pattern: `.data-list > .datatable-wrapper > table.datatable`, `thead.datatable-head`
// and `tbody.datatable-body`. The body only exists once the rows are loaded while the header is there
// from the start (cgwire/kitsu `src/components/lists/ShotList.vue`: `<tbody v-if="!isLoading">`).
import { h } from './dom.js';

/**
 * A page's view: the node shown at once, a promise that settles when its data is in, and what to
 * start once the node is in the document (never for a page replaced while it was being built).
 */
export function view(node, loaded = Promise.resolve(), onShown = () => {}) {
  return { node, loaded, onShown };
}

export function listTable({ tableClass = '', headId, headCells, dataListClass = '' }) {
  const headRow = h('tr', {}, headCells);
  const table = h(`table.datatable${tableClass}`, {}, h('thead.datatable-head', { id: headId }, headRow));
  const loading = h('p.loading.table-loading', {}, 'Loading...');
  const element = h(`div.data-list${dataListClass}`, {}, h('div.datatable-wrapper', {}, table), loading);
  let tbody = null;
  return {
    element,
    table,
    setHead: (cells) => headRow.replaceChildren(...cells.flat()),
    setRows: (rows) => {
      tbody ??= h('tbody.datatable-body');
      if (!tbody.isConnected) table.append(tbody);
      tbody.replaceChildren(...rows);
      loading.remove();
    },
  };
}

/**
 * A table of API items, for the many studio and production pages that list one collection:
 * `columns` = [label, class, item => text or node].
 */
export function collectionTable(load, columns, options = {}) {
  const list = listTable({ ...options, headCells: columns.map(([label, name]) => h(`th.${name}`, {}, label)) });
  const loaded = load().then((items) => {
    list.setRows(
      items.map((item, index) =>
        h(
          `tr.datatable-row.stripe-${index % 2 ? 'odd' : 'even'}`,
          {},
          columns.map(([, name, value]) => h(`td.${name}`, {}, value(item) ?? '')),
        ),
      ),
    );
    return items;
  });
  return { element: list.element, loaded };
}

export function stripe(index) {
  return index % 2 ? 'odd' : 'even';
}
