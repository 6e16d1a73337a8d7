// Lets a forked child process run TypeScript the way jest does (@swc/core, CommonJS), for the
// multi-process tests. Usage: fork(worker.ts, args, { execArgv: ['-r', require.resolve('./register-ts.js')] }).
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
