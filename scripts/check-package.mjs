// Checks what the packaged .vsix holds: the bundles, the shell grammar, snippets, grammar, rule docs, the project file schema and README, and
// no node_modules, sources or sourcemaps. Run after `npm run package`.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

const vsix = process.argv[2] ?? 'dockerfile-stages.vsix';
const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
const required = [
  'extension/package.json',
  'extension/readme.md',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/cli.js',
  'extension/dist/tree-sitter.wasm',
  'extension/dist/tree-sitter-bash.wasm',
  'extension/snippets/templates.json',
  'extension/snippets/pieces.json',
  'extension/syntaxes/dockerfile-stages.injection.tmLanguage.json',
  'extension/docs/rules/stage-ref-unknown.md',
  'extension/schemas/project-config.schema.json',
];
const problems = [];
for (const file of required) if (!listing.some((entry) => entry.toLowerCase() === file.toLowerCase())) problems.push(`missing ${file}`);
for (const entry of listing) {
  if (/node_modules\/|\.map$|\.ts$|^extension\/(server|client|test)\//.test(entry)) problems.push(`should not ship ${entry}`);
}
const size = statSync(vsix).size;
// The package is downloaded by every user: keep it small. Most of it is the bash grammar
// (WebAssembly) that reads RUN as shell.
const BUDGET_KIB = 1536;
if (size > BUDGET_KIB * 1024) problems.push(`${(size / 1024).toFixed(0)} KiB is over the ${BUDGET_KIB} KiB budget`);
if (problems.length > 0) {
  console.error(`${vsix}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${vsix}: ${listing.length} files, ${(size / 1024).toFixed(1)} KiB, contents as expected`);
