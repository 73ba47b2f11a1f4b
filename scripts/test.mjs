// Runs the test suites with node's test runner: unit tests on strings, then LSP tests against the
// freshly built dist/server.js over real JSON-RPC. Extra arguments are test file filters.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const filters = process.argv.slice(2);

function testFiles(dir) {
  const found = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(rel));
    else if (entry.name.endsWith('.test.ts')) found.push(rel);
  }
  return found.sort();
}

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = ['test/unit', 'test/lsp', 'test/cli'].flatMap(testFiles).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
