// List search fields. Kitsu's search mixin pushes the route on every change of the field
// (cgwire/kitsu `src/mixins/search.js` `setSearchInUrl`: `router.push({ query: { ...query, search } })`),
// so each keystroke is a history entry and a new URL; the list filters from the URL.
import { h } from './dom.js';
import { onQueryChange, pushQuery, queryParam } from './router.js';
import { openModal } from './shell.js';

export function searchTerm() {
  return (queryParam('search') ?? '').trim().toLowerCase();
}

/**
 * The filter builder beside the search field: a modal whose Confirm writes the query into the
 * search field and the URL (cgwire/kitsu `src/mixins/search.js` `confirmBuildFilter`).
 */
function filterButton() {
  const open = () => {
    const query = h('input.input.filter-query', {
      type: 'text',
      'aria-label': 'Filter',
      value: queryParam('search') ?? '',
    });
    openModal({
      name: 'build-filter-modal',
      title: 'Filter builder',
      body: h('label.field', {}, 'Search query', query),
      confirmLabel: 'Apply',
      onConfirm: () => pushQuery({ search: query.value || undefined }),
    });
  };
  return h('button.button.filter-button', { type: 'button', onclick: open }, 'Filters');
}

/** A search box bound to `?search=`; `onChange` runs whenever the search of the URL changes. */
export function searchBox(onChange) {
  let applied = queryParam('search') ?? '';
  const input = h('input.search-input', {
    type: 'search',
    placeholder: 'Search...',
    'aria-label': 'Search',
    value: applied,
  });
  input.addEventListener('input', () => pushQuery({ search: input.value || undefined }));
  onQueryChange(input, (query) => {
    const search = query.get('search') ?? '';
    if (search === applied) return;
    applied = search;
    if (input.value !== search) input.value = search;
    onChange();
  });
  return h('div.search-field-wrapper', {}, input, filterButton());
}
