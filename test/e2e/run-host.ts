// Runs the extension-host tests in a real VS Code (code-server + headless Chromium) through
// @vscode/test-electron, twice: in a trusted workspace, then in an untrusted one.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'out', 'e2e');

async function bundleTests(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: ['index', 'extension.test', 'editing.test', 'roles.test', 'build-files.test', 'untrusted.test'].map((name) => path.join(root, 'test/e2e/host', `${name}.ts`)),
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

function workspace(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'dfs-e2e-ws-'));
  cpSync(path.join(root, 'examples'), folder, { recursive: true });
  mkdirSync(path.join(folder, '.vscode'));
  // A harmless engine command: the tests look at the task the build starts, not at a build.
  writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'dockerfileStages.build.command': 'true', 'dockerfileStages.build.buildArgs': { APP_VERSION: '1.0 beta' } }, null, 2));
  return folder;
}

async function main(): Promise<number> {
  await bundleTests();
  let failed = 0;
  for (const suite of ['trusted', 'untrusted'] as const) {
    const folder = workspace();
    console.log(`\n== extension-host tests, ${suite} workspace`);
    // The shim keeps Workspace Trust on when asked: the folder then opens in Restricted Mode.
    if (suite === 'untrusted') process.env.DFS_E2E_WORKSPACE_TRUST = '1';
    else delete process.env.DFS_E2E_WORKSPACE_TRUST;
    try {
      await runTests({
        vscodeExecutablePath: path.join(root, 'scripts/e2e/code-shim.cjs'),
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(out, 'index.js'),
        launchArgs: [folder],
        extensionTestsEnv: { DFS_E2E_SUITE: suite },
      });
    } catch (error) {
      console.error(`${suite}: ${error instanceof Error ? error.message : String(error)}`);
      failed++;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return failed;
}

main().then((failed) => (process.exitCode = failed > 0 ? 1 : 0), (error) => {
  console.error(error);
  process.exitCode = 1;
});
