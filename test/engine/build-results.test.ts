import assert from '../support/assert';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { engineAvailable } from '../support/engine';

/**
 * The extension-host suite that builds on this engine (test/e2e/host/build-results.test.ts): a real
 * VS Code (code-server) runs the extension, builds through its tasks, and reads the results
 * through the extension's API.
 */
describe('build results in a real VS Code, on a real engine', { skip: !engineAvailable() && 'no Docker engine (run scripts/test-engine.mjs)' }, () => {
  it('runs the engine suite of the extension-host tests', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/e2e/run-host.ts', '--engine'], { encoding: 'utf8', timeout: 600_000 });
    const output = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 0, output.slice(-4000));
    assert.match(output, /4 passing/);
  });
});
