// The top bar (cgwire/kitsu `src/components/tops/Topbar.vue`): production, section and episode
// comboboxes on the left, page links, theme and user menu on the right. Comboboxes navigate with
// pushState, and on a TV show the bar swaps the pseudo-episodes `all`/`main` for the first episode.
import { api, forgetSession, loadEpisodes, loadProduction, loadProductions } from './api.js';
import { appPathname, withBase } from './base.js';
import { avatar, h } from './dom.js';
import { navigate } from './router.js';
import { productionPath, SECTIONS_WITH_PSEUDO_EPISODES, sectionOf } from './routes.js';
import { isSupportChatShown, openModal, toggleSupportChat, toggleTheme } from './shell.js';

// Sections with no `episode-` route: the combobox leaves the episode out of their path.
const SECTIONS_WITHOUT_EPISODE = [
  'team',
  'news-feed',
  'schedule',
  'production-settings',
  'brief',
  'budget',
  'episodes',
  'episode-stats',
  'concepts',
];
const SHORTCUTS = [
  ['d', 'Draw on the preview'],
  ['e', 'Eraser'],
  ['Space', 'Play / pause'],
  ['Home / End', 'First / last frame'],
  ['← / →', 'Previous / next frame'],
  ['Delete', 'Delete the selected annotation'],
];

let context = { productionId: null, episodeId: null, section: null };

function userMenu() {
  const version = h('li.version', {}, 'Kitsu (front door test double)');
  const chatToggle = h('button.support-chat-toggle', { type: 'button' });
  const labelChat = () => {
    chatToggle.textContent = isSupportChatShown() ? 'Hide support chat' : 'Show support chat';
  };
  chatToggle.addEventListener('click', () => {
    toggleSupportChat();
    labelChat();
  });
  labelChat();
  const showShortcuts = () =>
    openModal({
      name: 'shortcut-modal',
      title: 'Keyboard shortcuts',
      body: h(
        'table.shortcut-list',
        {},
        h(
          'tbody',
          {},
          SHORTCUTS.map(([keys, what]) => h('tr', {}, h('th', {}, keys), h('td', {}, what))),
        ),
      ),
    });
  const menu = h(
    'nav.user-menu',
    { hidden: true },
    h(
      'ul',
      {},
      h('li', {}, h('a', { href: withBase('/profile') }, 'Profile')),
      h('li.dark-theme', {}, h('button.dark-mode-toggle-menu', { type: 'button', onclick: toggleTheme }, 'Dark theme')),
      h('li.support-chat-item', {}, chatToggle),
      h('li', {}, h('button.shortcuts-button', { type: 'button', onclick: showShortcuts }, 'Keyboard shortcuts')),
      version,
      h('li.logout', {}, h('button', { type: 'button', onclick: logOut }, 'Log out')),
    ),
  );
  api('/')
    .then((info) => {
      version.textContent = `Kitsu (front door test double) · Zou ${info.version}`;
    })
    .catch(() => {});
  return menu;
}

export function buildTopbar() {
  const productionSelect = h('select.production-selector', { 'aria-label': 'Production' });
  const sectionSelect = h('select.section-selector', { 'aria-label': 'Section' });
  const episodeSelect = h('select.episode-selector', { 'aria-label': 'Episode' });
  const productionList = h('div.topbar-production-list', {}, productionSelect);
  const sectionList = h('div.topbar-section-list', {}, sectionSelect);
  const episodeList = h('div.topbar-episode-list', {}, episodeSelect);
  const pageTitle = h('div.page-title');
  const userName = h('span.user-name');
  const menu = userMenu();
  const avatarButton = h(
    'button.avatar-button',
    {
      type: 'button',
      onclick: () => {
        menu.hidden = !menu.hidden;
      },
    },
    userName,
  );
  const root = h(
    'div.topbar',
    {},
    h(
      'nav.nav',
      {},
      h(
        'div.nav-left',
        {},
        h(
          'a.studio-logo-wrapper',
          { href: withBase('/') },
          h('span.studio-logo', {}, 'K'),
          h('span.studio-name', {}, 'Kitsu'),
        ),
        h('div.topbar-menu', {}, productionList, sectionList, episodeList),
        pageTitle,
      ),
      h(
        'div.nav-right',
        {},
        h('a.nav-item.my-checks', { href: withBase('/my-checks') }, 'My Checks'),
        h('a.nav-item.my-tasks', { href: withBase('/my-tasks') }, 'My Tasks'),
        h('a.nav-item.people', { href: withBase('/people') }, 'People'),
        h('button.dark-mode-toggle', { type: 'button', title: 'Toggle dark theme', onclick: toggleTheme }, '◐'),
        avatarButton,
      ),
    ),
    menu,
  );
  productionSelect.addEventListener('change', () => onProductionChange(productionSelect.value));
  sectionSelect.addEventListener('change', () => onSectionChange(sectionSelect.value));
  episodeSelect.addEventListener('change', () => onEpisodeChange(episodeSelect.value));
  return { root, productionSelect, sectionSelect, episodeSelect, sectionList, episodeList, pageTitle, userName };
}

function fillSelect(select, options, value) {
  select.replaceChildren(...options.map(([optionValue, label]) => h('option', { value: optionValue }, label)));
  select.value = value ?? '';
}

function sectionOptions(production) {
  const isTvShow = production.production_type === 'tvshow';
  const names = [
    ['assets', 'Assets'],
    ['shots', 'Shots'],
    ['sequences', 'Sequences'],
    ['edits', 'Edits'],
    ...(isTvShow ? [['episodes', 'Episodes']] : []),
    ['concepts', 'Concepts'],
    ['breakdown', 'Breakdown'],
    ['playlists', 'Playlists'],
    ['news-feed', 'News Feed'],
    ['sequence-stats', 'Sequence Stats'],
    ...(isTvShow ? [['episode-stats', 'Episode Stats']] : []),
    ['asset-types', 'Asset Types'],
    ['schedule', 'Schedule'],
    ['quota', 'Quotas'],
    ['budget', 'Budget'],
    ['team', 'Team'],
    ['production-settings', 'Settings'],
  ];
  return names;
}

/** Fills the bar for the route; resolves once done (and after the TV-show episode swap, if any). */
export async function updateTopbar(bar, route, session, title, isCurrent) {
  const { production_id: productionId, episode_id: episodeId } = route.params;
  const section = sectionOf(appPathname());
  context = { productionId, episodeId, section };
  bar.userName.replaceChildren(avatar(session.user), h('span', {}, session.user.full_name));
  bar.pageTitle.textContent = title;
  document.title = title ? `${title} - Kitsu` : 'Kitsu';
  const productions = await loadProductions();
  fillSelect(
    bar.productionSelect,
    [['', 'Select a production'], ...productions.map((p) => [p.id, p.name])],
    productionId,
  );
  bar.sectionList.hidden = !productionId;
  bar.episodeList.hidden = true;
  if (!productionId) return;
  const production = await loadProduction(productionId);
  fillSelect(bar.sectionSelect, sectionOptions(production), section);
  if (production.production_type !== 'tvshow') return;
  const episodes = await loadEpisodes(productionId);
  if (!isCurrent()) return;
  bar.episodeList.hidden = !episodeId;
  fillSelect(
    bar.episodeSelect,
    [['all', 'All'], ['main', 'Main pack'], ...episodes.map((e) => [e.id, e.name])],
    episodeId ?? '',
  );
  swapPseudoEpisode(episodeId, section, episodes);
}

/**
 * Kitsu's top bar, once the episodes are loaded, replaces `all`/`main` in the route by the first
 * episode outside the asset, edit and breakdown sections, with a router.push
 * (cgwire/kitsu `src/components/tops/Topbar.vue` `updateCombosFromRoute`): a page load on
 * `/episodes/all/shots` brings two contexts in quick succession.
 */
function swapPseudoEpisode(episodeId, section, episodes) {
  if (!['all', 'main'].includes(episodeId) || SECTIONS_WITH_PSEUDO_EPISODES.includes(section) || !episodes.length)
    return;
  const path = appPathname().replace(`/episodes/${episodeId}/`, `/episodes/${episodes[0].id}/`);
  navigate(path + location.search);
}

async function defaultEpisodeFor(production, section) {
  if (production.production_type !== 'tvshow') return null;
  if (SECTIONS_WITHOUT_EPISODE.includes(section)) return null;
  if (SECTIONS_WITH_PSEUDO_EPISODES.includes(section)) return 'all';
  const episodes = await loadEpisodes(production.id);
  return episodes[0]?.id ?? 'all';
}

export async function productionHomePath(productionId, preferredSection) {
  const production = await loadProduction(productionId);
  const section =
    preferredSection && preferredSection !== 'episodes'
      ? preferredSection
      : production.homepage === 'shots'
        ? 'shots'
        : 'assets';
  return productionPath(productionId, await defaultEpisodeFor(production, section), section);
}

async function onProductionChange(productionId) {
  if (!productionId) return navigate('/open-productions');
  navigate(await productionHomePath(productionId, context.section));
}

async function onSectionChange(section) {
  const { productionId } = context;
  const production = await loadProduction(productionId);
  const keepEpisode = context.episodeId && !SECTIONS_WITHOUT_EPISODE.includes(section);
  const episodeId = keepEpisode ? context.episodeId : await defaultEpisodeFor(production, section);
  navigate(productionPath(productionId, episodeId, section));
}

function onEpisodeChange(episodeId) {
  const { productionId, episodeId: current } = context;
  const path = appPathname();
  const rest = current ? path.replace(`/productions/${productionId}/episodes/${current}/`, '') : 'shots';
  const search = new URLSearchParams(location.search).get('search');
  navigate(productionPath(productionId, episodeId, rest) + (search ? `?search=${encodeURIComponent(search)}` : ''));
}

async function logOut() {
  await fetch(withBase('/api/auth/logout')).catch(() => {});
  forgetSession();
  navigate('/login', { replace: true });
}
