// Layers point one way: `npm run lint` runs dependency-cruiser with these rules (see ARCHITECTURE.md).
// Each lib/ folder lists the lib/ folders it may import. The list is checked below to have no cycle,
// so no two lib/ folders can import each other, directly or round about.

/** lib/<folder> → the lib/ folders it may import. */
const LAYERS = {
  shared: [],
  i18n: [],
  forms: [],
  dom: [],
  'kitsu-routes': ['shared'],
  messaging: ['shared', 'kitsu-routes', 'forms'],
  kitsu: ['shared'],
  cache: ['kitsu', 'shared'],
  workflow: ['kitsu', 'shared'],
  dock: ['messaging', 'kitsu-routes', 'dom', 'shared'],
  connections: ['cache', 'kitsu', 'kitsu-routes', 'messaging', 'shared', 'workflow'],
  events: ['cache', 'connections', 'kitsu', 'kitsu-routes', 'messaging', 'shared'],
  plans: ['cache', 'connections', 'kitsu', 'kitsu-routes', 'messaging', 'shared', 'workflow'],
  publish: ['cache', 'connections', 'extension', 'kitsu', 'kitsu-routes', 'messaging', 'plans', 'shared'],
  bulk: ['forms', 'workflow', 'cache', 'connections', 'kitsu', 'kitsu-routes', 'messaging', 'plans', 'shared'],
  agent: ['forms', 'workflow', 'bulk', 'cache', 'connections', 'kitsu', 'kitsu-routes', 'messaging', 'plans', 'shared'],
  ai: ['connections', 'extension', 'kitsu', 'kitsu-routes', 'messaging', 'plans', 'shared'],
  extension: ['events', 'messaging', 'shared'],
  'dock-service': ['cache', 'connections', 'dock', 'events', 'kitsu', 'kitsu-routes', 'messaging', 'shared'],
};

function assertNoCycle(layers) {
  const state = {};
  const visit = (folder, path) => {
    if (state[folder] === 'done') return;
    if (state[folder] === 'visiting') throw new Error(`lib/ layers form a cycle: ${[...path, folder].join(' → ')}`);
    if (!layers[folder]) throw new Error(`lib/${folder} has no entry in LAYERS (.dependency-cruiser.cjs)`);
    state[folder] = 'visiting';
    for (const lower of layers[folder]) visit(lower, [...path, folder]);
    state[folder] = 'done';
  };
  for (const folder of Object.keys(layers)) visit(folder, []);
}
assertNoCycle(LAYERS);

const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const folders = Object.keys(LAYERS).map(literal).join('|');

/** Folders any lib/ folder may import: the interface's strings (lib/i18n imports nothing of lib/). */
const EVERYWHERE = ['i18n'];

const layerRules = Object.entries(LAYERS).map(([folder, allowed]) => ({
  name: `layer-lib-${folder}`,
  comment: `lib/${folder} may import only lib/${allowed.length ? allowed.join(', lib/') : '(nothing)'}.`,
  severity: 'error',
  from: { path: `^lib/${literal(folder)}/` },
  to: { path: '^lib/', pathNot: `^lib/(${[folder, ...allowed, ...EVERYWHERE].map(literal).join('|')})/` },
}));

/** Code that runs in Kitsu's tab (the content script and the panels it loads). */
const CONTENT_SIDE =
  '^(entrypoints/kitsu\\.content/|entrypoints/dock-panels\\.tsx$|components/features/|components/dock/|components/ui/|lib/dock/)';
/** What that code may import of lib/: what is safe to run in a page, and holds no secret. */
const PAGE_SAFE = '^lib/(messaging/client\\.ts$|messaging/protocol/|kitsu-routes/|dock/|dom/|shared/|forms/|i18n/)';

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'lib-folder-unknown',
      comment: 'Every lib/ folder has its place in LAYERS (.dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: '^lib/', pathNot: `^lib/(${folders})/` },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'No module imports itself round about (types aside: they are gone at run time).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'lib-not-ui',
      comment: 'lib/ never imports components/ or entrypoints/.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'content-side-page-safe',
      comment:
        'Code in Kitsu’s tab imports only page-safe lib/ modules: the messaging client and protocol, kitsu-routes, dock, dom, shared, forms (plain field declarations).',
      severity: 'error',
      from: { path: CONTENT_SIDE },
      to: { path: '^lib/', pathNot: PAGE_SAFE },
    },
    {
      name: 'content-side-no-secrets',
      comment:
        'Nothing in Kitsu’s tab reaches, even round about, the token vault, the Kitsu client, the cache, the plans or IndexedDB.',
      severity: 'error',
      from: { path: CONTENT_SIDE },
      to: {
        path: '^(lib/(connections|kitsu|cache|plans|events|ai|agent|bulk|publish|dock-service)/|node_modules/(idb-keyval|socket\\.io-client)/)',
        reachable: true,
      },
    },
    {
      name: 'content-side-no-other-ui',
      comment:
        'The dock’s components use only the dock’s, the features’ and the shared pieces (components/ui, itself content-side) and the design tokens.',
      severity: 'error',
      from: { path: CONTENT_SIDE },
      to: { path: '^components/', pathNot: '^components/(features/|dock/|ui/|tokens\\.css$)' },
    },
    {
      name: 'pure-rules-and-operations',
      comment:
        'Agent rules and bulk operations are pure: they reach no browser API, storage or network, even round about.',
      severity: 'error',
      from: { path: '^lib/(agent/rules|bulk/operations)/' },
      to: {
        path: '^node_modules/(wxt|webextension-polyfill|idb-keyval|socket\\.io-client|@webext-core)/',
        reachable: true,
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt)/' },
    // A copy of the tree with node_modules linked in (test/unit/architecture-rules.test.ts) resolves as the tree does.
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
