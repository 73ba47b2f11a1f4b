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
    entryPoints: ['index', 'extension.test', 'editing.test', 'roles.test', 'build-files.test', 'untrusted.test', 'build-results.test'].map((name) => path.join(root, 'test/e2e/host', `${name}.ts`)),
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

/**
 * The engine suite's project: three stages on the local busybox image, each RUN unique to this
 * run so the first build is not served from an earlier run's cache; the real `docker` builds.
 */
function engineWorkspace(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'dfs-e2e-engine-'));
  const unique = Date.now().toString(36);
  writeFileSync(
    path.join(folder, 'Dockerfile'),
    [
      'FROM local/busybox:1 AS deps',
      `RUN echo deps-${unique} > /deps.txt && dd if=/dev/zero of=/deps.bin bs=1024 count=1024`,
      '',
      'FROM deps AS build',
      'WORKDIR /src',
      'COPY src.txt ./',
      `RUN cat src.txt > /out.txt && echo build-${unique} >> /out.txt`,
      '',
      'FROM local/busybox:1 AS runtime',
      'COPY --from=build /out.txt /out.txt',
      'USER 65532',
      'CMD ["cat", "/out.txt"]',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(folder, 'src.txt'), 'one\n');
  writeFileSync(path.join(folder, 'failing.Dockerfile'), `FROM local/busybox:1 AS broken\nRUN echo fails-${unique} && false\n`);
  writeFileSync(path.join(folder, 'slow.Dockerfile'), `FROM local/busybox:1 AS slow\nRUN echo slow-${unique} && sleep 60\n`);
  mkdirSync(path.join(folder, '.vscode'));
  writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'dockerfileStages.build.extraArgs': ['--network=none'], 'dockerfileStages.build.tagTemplate': 'dfs-results:${stage}' }, null, 2));
  return folder;
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
  // `--engine`: the suite that builds on the real engine of the test rig (scripts/test-engine.mjs).
  const suites = process.argv.includes('--engine') ? (['engine'] as const) : (['trusted', 'untrusted'] as const);
  for (const suite of suites) {
    const folder = suite === 'engine' ? engineWorkspace() : workspace();
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
