/**
 * Layer rules a newcomer can rely on: the domain is pure, the store's port and embedded adapter
 * know nothing of Nest, libraries never reach into apps.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'decide/evolve take everything as arguments: no framework, no I/O, no other lib',
      severity: 'error',
      from: { path: '^libs/domain/src', pathNot: '\\.spec\\.ts$|/testing/' },
      to: {
        path: '^(node_modules/|libs/(?!domain/))|^(fs|path|http|https|net|child_process|crypto|os)$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'store-port-and-sqlite-without-nest',
      severity: 'error',
      from: { path: '^libs/event-store/src/(port|sqlite|esdb)' },
      to: { path: '@nestjs' },
    },
    {
      name: 'parser-without-nest-or-io',
      severity: 'error',
      from: { path: '^libs/plan-import/src', pathNot: 'seed-files|\\.spec\\.ts$' },
      to: { path: '@nestjs|^(fs|node:fs)$' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(dist|bench/\\.data)' },
  },
};
