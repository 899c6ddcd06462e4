// The app frame: theme root, top bar slot, current page, modals and the support chat bubble.
// Root wrapper like cgwire/kitsu `src/App.vue`: `<div class="theme">`, plus `.dark` in dark mode.
import { h } from './dom.js';
import { keepQueryListenersOf } from './router.js';

const DARK_THEME_KEY = 'front-door:dark-theme';
// Kitsu's own preference key for the support chat (shown unless a person hid it).
const SUPPORT_CHAT_KEY = 'support:show';

const shell = { theme: null, topbar: null, page: null, leaveHooks: [] };

export function isDarkTheme() {
  return localStorage.getItem(DARK_THEME_KEY) === 'true';
}

function applyTheme() {
  const dark = isDarkTheme();
  shell.theme?.classList.toggle('dark', dark);
  // Mirrored on <body> for whole-page styles, as Kitsu colours document.body too.
  document.body.classList.toggle('dark', dark);
}

export function toggleTheme() {
  localStorage.setItem(DARK_THEME_KEY, String(!isDarkTheme()));
  applyTheme();
}

/** The topbar of the current shell ({root, ...}), or null on pages outside Main (login...). */
export function currentTopbar() {
  return shell.topbar;
}

/** Builds the theme root once; adds or removes the top bar (`buildTopbar` null = no top bar). */
export function ensureShell(buildTopbar) {
  const app = document.getElementById('app');
  if (!shell.theme || !app.contains(shell.theme)) {
    shell.theme = h('div.theme');
    app.replaceChildren(shell.theme, supportChat());
    shell.topbar = null;
  }
  if (buildTopbar && !shell.topbar) {
    shell.topbar = buildTopbar();
    shell.theme.prepend(shell.topbar.root);
  } else if (!buildTopbar && shell.topbar) {
    shell.topbar.root.remove();
    shell.topbar = null;
  }
  applyTheme();
}

/** Work to undo when `owner` leaves with its page (window listeners, modals): run when a page replaces it. */
export function onPageLeave(owner, hook) {
  shell.leaveHooks.push({ owner, hook });
}

export function setPage(node) {
  const leaving = shell.leaveHooks.filter(({ owner }) => !node.contains(owner));
  shell.leaveHooks = shell.leaveHooks.filter(({ owner }) => node.contains(owner));
  for (const { hook } of leaving) hook();
  keepQueryListenersOf(node);
  shell.page?.remove();
  shell.page = node;
  shell.theme.append(node);
}

// ---------------------------------------------------------------- modals (Bulma `.modal.is-active`)

/**
 * Opens a Kitsu-style modal: centred box over a dimmed background, actions at its bottom right.
 * Escape, Cancel and a click on the background close it. Returns the function that closes it.
 */
export function openModal({ name, title, body, confirmLabel = 'Confirm', onConfirm }) {
  const close = () => {
    window.removeEventListener('keydown', onKey);
    modal.remove();
  };
  const onKey = (event) => {
    if (event.key === 'Escape') close();
  };
  const confirm = () => {
    onConfirm?.();
    close();
  };
  const modal = h(
    `div.modal.is-active.${name}`,
    { role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
    h('div.modal-background', { onclick: close }),
    h(
      'div.modal-content',
      {},
      h(
        'div.box',
        {},
        h('h2.subtitle', {}, title),
        body,
        h(
          'p.modal-actions.has-text-right',
          {},
          onConfirm
            ? h('button.button.is-primary.modal-confirm', { type: 'button', onclick: confirm }, confirmLabel)
            : null,
          h('button.button.modal-cancel', { type: 'button', onclick: close }, onConfirm ? 'Cancel' : 'Close'),
        ),
      ),
    ),
  );
  window.addEventListener('keydown', onKey);
  onPageLeave(modal, close);
  shell.theme.append(modal);
  modal.querySelector('input, textarea, button.modal-confirm, button.modal-cancel')?.focus();
  return close;
}

// ---------------------------------------------------------------- support chat bubble

export function isSupportChatShown() {
  return localStorage.getItem(SUPPORT_CHAT_KEY) !== 'false';
}

export function toggleSupportChat() {
  localStorage.setItem(SUPPORT_CHAT_KEY, String(!isSupportChatShown()));
  document.getElementById('crisp-chatbox').hidden = !isSupportChatShown();
}

/**
 * The help chat Kitsu shows at the bottom right of every page (Crisp, set up in cgwire/kitsu
 * `src/App.vue` `setupCrisp`, on by default): a round bubble that opens a chat window above it.
 */
function supportChat() {
  const chatWindow = h(
    'div.chat-window',
    { hidden: true, role: 'dialog', 'aria-label': 'Support chat' },
    h('div.chat-header', {}, 'Kitsu support'),
    h('p.chat-welcome', {}, 'Hi! How can we help?'),
    h('textarea.chat-input', { rows: 2, placeholder: 'Write a message...', 'aria-label': 'Message' }),
  );
  const bubble = h(
    'button.chat-bubble',
    {
      type: 'button',
      'aria-label': 'Open the support chat',
      onclick: () => {
        chatWindow.hidden = !chatWindow.hidden;
        bubble.setAttribute('aria-expanded', String(!chatWindow.hidden));
      },
    },
    '?',
  );
  return h('div.support-chat', { id: 'crisp-chatbox', hidden: !isSupportChatShown() }, chatWindow, bubble);
}
