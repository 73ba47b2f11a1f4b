// Loaded before the tests (`--import`): the command model reads RUN with the real shell parser,
// from the WebAssembly files in node_modules (the bundles load the copies in dist/).
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { loadShellParser } from '../../server/src/node/shell-parser';

const require = createRequire(import.meta.url);
await loadShellParser({
  runtime: path.join(path.dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm'),
  bash: path.join(path.dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm'),
});
