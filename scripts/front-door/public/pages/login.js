// Pages outside Kitsu's Main frame (no top bar): Login (cgwire/kitsu `src/components/pages/Login.vue`),
// Login2FA, FirstConnection, ResetPassword, ResetChangePassword, ServerDown, WrongBrowser, SharedPlaylist;
// and NotFound.
import { forgetSession } from '../api.js';
import { withBase } from '../base.js';
import { h, page } from '../dom.js';
import { view } from '../lists.js';
import { navigate } from '../router.js';

const OUTSIDE_TITLES = {
  'login-2fa': 'Two-factor authentication',
  'first-connection': 'First connection',
  'reset-password': 'Reset your password',
  'reset-change-password': 'Choose a new password',
  'server-down': 'The server cannot be reached',
  'wrong-browser': 'Your browser is not supported',
  'shared-playlist': 'Shared playlist',
};

export function outsidePage(route) {
  return view(
    page(`${route.name}.outside-page`, h('div.login-box', {}, h('h1.title', {}, OUTSIDE_TITLES[route.name]))),
  );
}

export function notFoundPage() {
  return view(
    page('not-found', h('h1.title', {}, 'Page not found'), h('p', {}, h('a', { href: withBase('/') }, 'Back to home'))),
  );
}

export function loginPage() {
  const error = h('p.error', { hidden: true });
  const email = h('input.input', {
    type: 'email',
    name: 'email',
    autocomplete: 'username',
    required: true,
    placeholder: 'Email',
  });
  const password = h('input.input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    required: true,
    placeholder: 'Password',
  });
  const form = h(
    'form.login-form',
    {},
    h('div.field', {}, h('label', {}, 'Email', email)),
    h('div.field', {}, h('label', {}, 'Password', password)),
    h('button.button.main-button', { type: 'submit' }, 'Log in'),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    // Zou answers with the HttpOnly access_token_cookie; the JSON body (tokens) is deliberately not read.
    const response = await fetch(withBase('/api/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email: email.value, password: password.value }),
    }).catch(() => null);
    await response?.body?.cancel();
    if (!response?.ok) {
      error.textContent = response ? 'Wrong email or password.' : 'The server cannot be reached.';
      error.hidden = false;
      return;
    }
    forgetSession();
    const redirect = new URLSearchParams(location.search).get('redirect');
    navigate(redirect?.startsWith('/') && !redirect.startsWith('//') ? redirect : '/', { replace: true });
  });
  return view(page('login', h('div.login-box', {}, h('h1.title', {}, 'Kitsu'), form)));
}
