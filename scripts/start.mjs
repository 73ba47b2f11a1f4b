// The main job: build and package the extension, then show what the engine reports on examples/.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

function run(title, command, args, { allowFailure = false } = {}) {
  console.log(`\n== ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (result.error) throw result.error;
  if (result.status !== 0 && !allowFailure) {
    console.error(`${title} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
  return result.status;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
run('Build (development bundles with sourcemaps)', process.execPath, ['scripts/build.mjs']);
run('Package the extension (minified bundles)', npm, ['run', '--silent', 'package']);
console.log(`dockerfile-stages.vsix: ${(statSync('dockerfile-stages.vsix').size / 1024).toFixed(1)} KiB`);
// The package step left minified bundles; the checker below runs from them, as a user's would.
const status = run('Check examples/ with the command-line checker', process.execPath, ['dist/cli.js', 'check', 'examples'], { allowFailure: true });
console.log(`\nThe checker exited with ${status} (1 means it found problems: examples/Dockerfile.mistakes is there to show them).`);
run('The stage graph of examples/go-api/Dockerfile (mermaid)', process.execPath, ['dist/cli.js', 'graph', 'examples/go-api/Dockerfile']);
