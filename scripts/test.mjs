// Runs the test suites: the end-to-end tests in a real VS Code when its tools are installed
// (scripts/e2e/setup.sh; DFS_E2E_REQUIRED=1 makes their absence a failure), then unit, LSP and CLI
// tests with node's test runner, whose summary closes the output. Arguments filter test files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const filters = process.argv.slice(2);
const run = (args, env = process.env) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

function testFiles(dir) {
  const found = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(rel));
    else if (entry.name.endsWith('.test.ts')) found.push(rel);
  }
  return found.sort();
}

if (run(['scripts/build.mjs']) !== 0) process.exit(1);

let e2eFailed = false;
if (filters.length === 0) {
  const cache = process.env.DFS_E2E_CACHE || path.join(homedir(), '.cache', 'dockerfile-stages', 'vscode');
  const missing = [
    [path.join(cache, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), 'code-server'],
    [path.join(cache, 'node_modules', 'playwright-core', 'package.json'), 'playwright-core'],
    [process.env.DFS_E2E_CHROMIUM || '/usr/bin/chromium', 'chromium'],
  ].filter(([file]) => !existsSync(file)).map(([, name]) => name);
  if (missing.length > 0) {
    const message = `End-to-end tests in a real VS Code skipped: ${missing.join(', ')} not installed (bash scripts/e2e/setup.sh installs them).`;
    if (process.env.DFS_E2E_REQUIRED === '1') {
      console.error(message);
      process.exit(1);
    }
    console.log(`\n${message}\n`);
  } else {
    console.log('\n== End-to-end tests in a real VS Code');
    e2eFailed = run(['--import', 'tsx', 'test/e2e/run-host.ts']) !== 0;
  }
}

const files = ['test/unit', 'test/lsp', 'test/cli'].flatMap(testFiles).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
const status = run(['--import', 'tsx', '--import', './test/support/shell-setup.mts', '--test', '--test-reporter=spec', ...files]);
if (e2eFailed) console.error('The end-to-end tests failed (see above).');
process.exit(status !== 0 || e2eFailed ? 1 : status);
