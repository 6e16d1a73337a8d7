/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(ts|js)$': swc },
  // content-disposition (under @fastify/static, for the Swagger UI) ships only ES modules;
  // Node loads them natively, jest's CommonJS runtime needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: {
    '^@duty-ledger/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@duty-ledger/([a-z-]+)/nest$': '<rootDir>/libs/$1/src/nest',
    '^@duty-ledger/event-store/esdb$': '<rootDir>/libs/event-store/src/esdb',
  },
  testTimeout: 30000,
};
