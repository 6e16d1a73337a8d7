// Lets a child process run the application's TypeScript sources directly (as jest does): swc
// with decorator metadata for Nest, and the @duty-ledger/* aliases mapped onto libs/*/src.
// Usage: fork('apps/api/main.ts', [], { execArgv: ['-r', require.resolve('./register-app.js')] }).
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../../tsconfig.json');

tsconfigPaths.register({ baseUrl: path.resolve(__dirname, '../..'), paths: compilerOptions.paths });

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
