import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { AI_DATA_COLLECTION } from './lib/ai/data-collection';
import { localeFiles } from './lib/i18n/locale-files';
import { MESSAGES } from './lib/i18n/messages';
import { noEvalProbes } from './scripts/vite/no-eval-probes';

const GECKO_ID = 'kitsu-sidekick@sidekick.invalid';

export default defineConfig({
  // SIDEKICK_OUT_DIR lets parallel jobs of one checkout (a build, a browser suite) run side by side without
  // replacing each other's extension; every script that reads the build honours it too.
  outDir: process.env.SIDEKICK_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // The Firefox build drops two unusable eval probes of zod and engine.io-client (AMO lint: DANGEROUS_EVAL).
  vite: ({ browser }) => ({ plugins: [preact(), ...(browser === 'firefox' ? [noEvalProbes()] : [])] }),
  imports: false,
  hooks: {
    // The browser's _locales files are written from the catalog (lib/i18n/messages), so English and
    // French are checked together by the type checker and a unit test, and nothing generated is committed.
    'build:publicAssets': (_wxt, files) => {
      for (const [relativeDest, contents] of Object.entries(localeFiles(MESSAGES)))
        files.push({ relativeDest, contents });
    },
  },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.kitsu-stack/**', 'test/e2e/artifacts/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting'],
    commands: {
      'toggle-dock': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandToggleDock__',
      },
    },
    // Kitsu hosts are self-hosted and differ per studio: each is granted at runtime, from a click.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(browser === 'firefox'
      ? {
          // Firefox's default MV3 policy is "script-src 'self'; upgrade-insecure-requests;", which turns
          // the background's http:// and ws:// requests into https:// and wss://: a Kitsu served over
          // plain http (common on studio LANs) was unreachable, and on loopback the event stream never
          // upgraded to WebSocket. Same script rule, without the upgrade (Chrome's default has none).
          content_security_policy: { extension_pages: "script-src 'self'" },
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              // Nothing leaves the browser unless a person switches AI on with a model server: then the
              // prompts carry Kitsu page text, people's comments and (unless left out) names and e-mail
              // addresses. Firefox asks that consent at runtime, from the AI settings' Save click.
              data_collection_permissions: { required: ['none'], optional: [...AI_DATA_COLLECTION] },
            },
          },
        }
      : {
          // 116: WebSocket activity keeps the service worker alive (live Kitsu events).
          minimum_chrome_version: '116',
          // Empty lists close the extension to every other extension and web page.
          externally_connectable: { ids: [], matches: [] },
        }),
  }),
});
