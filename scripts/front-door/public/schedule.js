// A Gantt chart shaped like Kitsu's schedule widget (cgwire/kitsu `src/components/widgets/Schedule.vue`):
// names on the left (`.entities .entity-line`), day columns and time bars on the right (`.timeline`,
// `.timebar`). Divs only: a schedule has no `table.datatable`, so a list anchor never appears on it.
import { withBase } from './base.js';
import { h } from './dom.js';

const DAY_WIDTH = 18;
const MAX_DAYS = 180;
const DAY_MS = 24 * 3600 * 1000;

const toDay = (value) => (value ? Date.parse(String(value).slice(0, 10)) : Number.NaN);

function range(items) {
  const days = items.flatMap((item) => [toDay(item.startDate), toDay(item.endDate)]).filter(Number.isFinite);
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  const start = days.length ? Math.min(...days) : today;
  const end = days.length ? Math.max(...days) : today + 30 * DAY_MS;
  return { start, count: Math.min(MAX_DAYS, Math.round((end - start) / DAY_MS) + 1) };
}

function timebar(item, start) {
  const from = toDay(item.startDate);
  const to = toDay(item.endDate);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  const left = Math.max(0, Math.round((from - start) / DAY_MS)) * DAY_WIDTH;
  const width = Math.max(1, Math.round((to - from) / DAY_MS) + 1) * DAY_WIDTH;
  return h('div.timebar', {
    title: `${item.name} (${String(item.startDate).slice(0, 10)} - ${String(item.endDate).slice(0, 10)})`,
    style: { left: `${left}px`, width: `${width}px`, background: item.color ?? '#00b242' },
  });
}

/** items: [{name, href?, startDate, endDate, color?}]; one line per item. */
export function gantt(items, classes = '') {
  const { start, count } = range(items);
  const names = items.map((item) =>
    h(
      'div.entity-line.entity-name',
      {},
      item.href
        ? h('a', { href: withBase(item.href), title: item.name }, item.name)
        : h('span', { title: item.name }, item.name),
    ),
  );
  const days = Array.from({ length: count }, (_, index) => {
    const date = new Date(start + index * DAY_MS);
    return h('div.day', { title: date.toISOString().slice(0, 10) }, String(date.getUTCDate()));
  });
  const lines = items.map((item) => h('div.timeline-element', {}, h('div.entity-line', {}, timebar(item, start))));
  return h(
    `div.schedule-wrapper${classes}`,
    {},
    h(
      'div.schedule',
      {},
      h('div.entities', {}, h('div.entity-name-list', {}, names)),
      h(
        'div.timeline',
        {},
        h('div.timeline-header', {}, days),
        h(
          'div.timeline-content-wrapper',
          {},
          h('div.timeline-content', { style: { width: `${count * DAY_WIDTH}px` } }, lines),
        ),
      ),
    ),
    items.length ? null : h('p.empty', {}, 'Nothing scheduled.'),
  );
}
