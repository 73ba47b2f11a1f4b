// Bundles the extension (dist/extension.js) and the language server (dist/server.js) with esbuild.
// `--production` minifies and drops sourcemaps (the packaged .vsix); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  // vscode-languageserver-types ships a UMD build that esbuild cannot see through; use its ESM one.
  mainFields: ['module', 'main'],
  // web-tree-sitter's ESM build reads import.meta.url, which a CommonJS bundle lacks: use its CommonJS one.
  alias: { 'web-tree-sitter': createRequire(import.meta.url).resolve('web-tree-sitter') },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (!watch) rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// The shell grammar (tree-sitter's runtime and bash grammar, WebAssembly) is loaded from beside the bundles.
const require = createRequire(import.meta.url);
const dist = new URL('../dist/', import.meta.url).pathname;
mkdirSync(dist, { recursive: true });
copyFileSync(path.join(path.dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm'), path.join(dist, 'tree-sitter.wasm'));
copyFileSync(path.join(path.dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm'), path.join(dist, 'tree-sitter-bash.wasm'));

if (watch) {
  const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  const results = await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry, metafile: true })));
  for (const [i, result] of results.entries()) {
    const bytes = result.metafile.outputs[entries[i].outfile]?.bytes ?? 0;
    console.log(`${entries[i].outfile}: ${(bytes / 1024).toFixed(1)} KiB${production ? ' (minified)' : ''}`);
  }
}
