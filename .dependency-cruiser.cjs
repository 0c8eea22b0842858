// The layering rule of ARCHITECTURE.md, run by `npm test` (depcruise). Lower layers never import
// higher ones; shared/ is the pure domain and touches no AWS SDK and no outer folder.
const tiers = [
  ['schemas', 'text', 'vocabulary'],
  ['ports', 'files', 'reader', 'units', 'rounds'],
  ['ingest', 'ocr'],
  ['mail'],
  ['reminders', 'rollup', 'review', 'accounts'],
  ['desk'],
];
const folder = (names) => `^shared/(${names.join('|')})/`;

const upward = tiers.slice(0, -1).map((tier, i) => ({
  name: `shared-${tier.join('-')}-not-upwards`,
  comment: `shared/{${tier.join(',')}} sits below ${tiers
    .slice(i + 1)
    .flat()
    .join(', ')}`,
  severity: 'error',
  from: { path: folder(tier) },
  to: { path: folder(tiers.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ is the domain: no AWS SDK, no Lambda runtime, no outer folder',
      severity: 'error',
      from: { path: '^shared/' },
      to: {
        path: [
          '^(adapters|functions|bin|local|infra|web|test|scripts|bench)/',
          'node_modules/(@aws-sdk|@aws-lambda-powertools|@middy|aws-lambda|hono|@hono)/',
        ],
      },
    },
    {
      name: 'adapters-below-entry-points',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^(functions|bin|local|infra|web|test|scripts|bench)/' },
    },
    {
      name: 'functions-are-entry-points',
      comment:
        'a handler wires adapters to the domain; it does not reach into the CLI or the local stack',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^(bin|local|infra|test|scripts|bench)/' },
    },
    {
      name: 'web-below-entry-points',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(functions|bin|local|infra|test|scripts|bench)/' },
    },
    {
      name: 'production-code-not-on-tests',
      severity: 'error',
      from: { path: '^(shared|adapters|functions|bin|local|infra|web)/' },
      to: { path: '^(test|scripts|bench)/' },
    },
    {
      name: 'scripts-not-on-tests',
      comment: 'scripts/ and bench/ are tools of their own; tests may use them, not the reverse',
      severity: 'error',
      from: { path: '^(scripts|bench)/' },
      to: { path: '^test/' },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
