// DOM helpers of the front door. API data is only ever rendered as text (the seed holds XSS payloads on
// purpose): `h` turns every string child into a text node.
import { withBase } from './base.js';

/** h('td.validation.selected', {title}, 'text', childNode): strings always become text nodes. */
export function h(tagAndClasses, props = {}, ...children) {
  const [tag, ...classes] = tagAndClasses.split('.');
  const node = document.createElement(tag);
  if (classes.length) node.className = classes.join(' ');
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'style') Object.assign(node.style, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function page(name, ...children) {
  return h(`div.page.${name}`, {}, children);
}

export function initials(name) {
  return (
    String(name ?? '?')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0].toUpperCase())
      .join('') || '?'
  );
}

export function avatar(person) {
  const name = person?.full_name ?? `${person?.first_name ?? ''} ${person?.last_name ?? ''}`.trim();
  let hue = 0;
  for (const char of name) hue = (hue * 31 + char.charCodeAt(0)) % 360;
  return h('span.avatar', { title: name, style: { background: `hsl(${hue}, 45%, 55%)` } }, initials(name));
}

/** Kitsu's status tag: short name, status colour; dark text on light colours (e.g. "todo"). */
export function statusTag(status) {
  if (!status) return h('span.tag', {}, '?');
  const color = status.color || '#999999';
  const rgb = /^#([0-9a-f]{6})$/i.exec(color) ? parseInt(color.slice(1), 16) : 0x999999;
  const luminance = (0.299 * (rgb >> 16) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255)) / 255;
  return h(
    'span.tag',
    { title: status.name, style: { background: color, color: luminance > 0.7 ? '#333' : '#fff' } },
    status.short_name,
  );
}

export function assigneeAvatars(assigneeIds, persons) {
  return (assigneeIds ?? [])
    .map((id) => (typeof id === 'object' ? id : persons.get(id)))
    .filter(Boolean)
    .map(avatar);
}

export function formatDate(value) {
  return value ? String(value).slice(0, 10) : '';
}

export function formatDays(minutes) {
  return minutes ? `${Math.round((minutes / 60 / 8) * 100) / 100}` : '';
}

export function tabs(classes, items, activeName) {
  return h(
    `div.tabs${classes}`,
    {},
    h(
      'ul',
      {},
      items.map(([name, label, appPath]) =>
        h(`li${activeName === name ? '.is-active' : ''}`, {}, h('a', { href: withBase(appPath) }, label)),
      ),
    ),
  );
}
