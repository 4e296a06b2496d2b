// Dependency rules of Planpuls, checked by `npm run lint:deps` (part of `npm test`).
// The layers follow the house style (STYLE.md): a pure domain, use cases that orchestrate through ports,
// thin adapters at the edge (bot/teams, bot/store, bot/http, bot/scheduler), and the deprecated
// Teams SDKs (botbuilder, TeamsFx) kept to the one module that adapts them.

/** Source that runs in production; tests and their helpers may reach across layers. */
const TESTS = ['\\.test\\.tsx?$', '^tests/'];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'bot/domain imports only itself and the schema/parse libraries zod and yaml: no SDK, no Node ' +
        'I/O, no adapter, no use case. Time comes from a Clock, I/O through ports.',
      severity: 'error',
      from: { path: '^bot/domain/', pathNot: TESTS },
      to: { pathNot: ['^bot/domain/', '^node_modules/(zod|yaml)/'] },
    },
    {
      name: 'use-cases-import-no-adapter',
      comment:
        'Use cases orchestrate through ports: no Teams, HTTP or storage adapter, no botbuilder, restify ' +
        'or Azure SDK. The composition root hands the adapters in.',
      severity: 'error',
      from: { path: '^bot/use-cases/', pathNot: TESTS },
      to: {
        path: [
          '^bot/(teams|http|store)/',
          '^node_modules/(botbuilder[^/]*|botframework-[^/]+|restify[^/]*|@azure/[^/]+)/',
        ],
      },
    },
    {
      name: 'botbuilder-only-in-bot-teams',
      comment:
        'botbuilder is deprecated upstream; only the Teams adapter imports it, so moving to the Teams ' +
        'SDK touches bot/teams alone. Tests drive the bot through TestAdapter and may import it.',
      severity: 'error',
      from: { pathNot: ['^bot/teams/', ...TESTS] },
      to: { path: '^node_modules/(botbuilder[^/]*|botframework-[^/]+)/' },
    },
    {
      name: 'teams-js-only-in-tab-teams',
      comment: "Only the tab's Teams module (tab/src/teams) imports teams-js and the deprecated TeamsFx.",
      severity: 'error',
      from: { pathNot: ['^tab/src/teams/'] },
      to: { path: '^node_modules/@microsoft/(teams-js|teamsfx)/' },
    },
    {
      name: 'features-know-only-the-core',
      comment:
        'A feature (bot/features/<name>/) is built from the core services and knows no other feature; ' +
        'what two features share belongs in the core.',
      severity: 'error',
      from: { path: '^bot/features/([^/]+)/', pathNot: TESTS },
      to: { path: '^bot/features/', pathNot: ['^bot/features/$1/', '^bot/features/(core|feature)[.]ts$'] },
    },
    {
      name: 'only-the-composition-root-knows-features',
      comment: 'Layers below the features (domain, use cases, adapters) never import a feature module.',
      severity: 'error',
      from: { pathNot: ['^bot/features/', '^bot/app[.]ts$', ...TESTS] },
      to: { path: '^bot/features/' },
    },
    {
      name: 'http-imports-no-teams',
      comment:
        'Routes serve the tab and automations; Teams is bot/teams alone, so the SDK move touches only it.',
      severity: 'error',
      from: { path: '^bot/http/', pathNot: TESTS },
      to: { path: '^bot/teams/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles anywhere: a cycle means two modules are one concept or a layer leaks.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports count too: a layer that names another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^tab/dist/', '^\\.data/', '^test-artifacts/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
