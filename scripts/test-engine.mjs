// Runs the tests that need a real Docker engine (BuildKit build checks, stage builds): starts a
// private engine with scripts/engine/start.sh, runs test/engine/ against it, and stops it by pid.
// Needs root and a Debian host; DFS_ENGINE_REQUIRED=1 (set by CI) turns "cannot start" into a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const required = process.env.DFS_ENGINE_REQUIRED === '1';
const base = mkdtempSync('/tmp/dfs-engine-');

let env;
try {
  const exports = execFileSync('bash', [path.join(root, 'scripts/engine/start.sh'), '--base', base, '--registry'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  env = { ...process.env };
  for (const match of exports.matchAll(/^export (\w+)='([^']*)'(.*)$/gm)) {
    env[match[1]] = match[3].includes('$PATH') ? `${match[2]}:${process.env.PATH}` : match[2];
  }
} catch (error) {
  spawnSync('bash', [path.join(root, 'scripts/engine/stop.sh'), '--base', base], { stdio: 'inherit' });
  const message = `The engine tests were skipped: a Docker engine could not be started here (${error.message.split('\n')[0]}).`;
  if (required) {
    console.error(message);
    process.exit(1);
  }
  console.log(message);
  process.exit(0);
}

let status = 1;
try {
  // The UI tests drive code-server and build on this engine; they need the packaged extension.
  const ui = readdirSync(path.join(root, 'test/e2e/ui')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/e2e/ui/${f}`);
  const files = [...readdirSync(path.join(root, 'test/engine')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/engine/${f}`), ...ui];
  status = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/support/shell-setup.mts', '--test', '--test-reporter=spec', ...files], { cwd: root, env, stdio: 'inherit' }).status ?? 1;
} finally {
  spawnSync('bash', [path.join(root, 'scripts/engine/stop.sh'), '--base', base], { stdio: 'inherit' });
}
process.exit(status);
