'use strict';
// Starts code-server (VS Code 1.100.3 served over HTTP, a real extension host) on 127.0.0.1 and
// opens its workbench in Debian's headless Chromium through playwright-core. Everything it starts
// runs in its own process group and temp folders, and is stopped and removed by stop().
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const CACHE = process.env.DFS_E2E_CACHE || path.join(os.homedir(), '.cache', 'dockerfile-stages', 'vscode');
const CODE_SERVER = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.DFS_E2E_CHROMIUM || '/usr/bin/chromium';
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.startupPrompt': 'never',
  'editor.wordBasedSuggestions': 'off',
  'git.enabled': false,
};
const live = new Set();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
process.on('exit', () => {
  for (const server of live) killGroup(server.pid, 'SIGKILL');
});

function status(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2000, () => request.destroy());
  });
}

function playwright() {
  return require(path.join(CACHE, 'node_modules', 'playwright-core'));
}

/**
 * Starts code-server. Options: workspace (folder to open), vsix (paths to install first),
 * workspaceTrust (false: --disable-workspace-trust), settings, env, extensionsDir.
 */
async function startCodeServer(options = {}) {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server is not installed in ${CACHE}: run scripts/e2e/setup.sh`);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dfs-vscode-'));
  const dirs = { base, userData: path.join(base, 'user'), extensions: options.extensionsDir || path.join(base, 'extensions'), tmp: path.join(base, 'tmp'), config: path.join(base, 'config'), data: path.join(base, 'data') };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...(options.settings || {}) }, null, 2));
  const env = { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, TMPDIR: dirs.tmp, EXTENSIONS_GALLERY: '{}', ...(options.env || {}) };
  delete env.PORT;
  delete env.VSCODE_IPC_HOOK_CLI;
  for (const vsix of options.vsix || []) {
    const install = spawnSync(process.execPath, [CODE_SERVER, '--install-extension', path.resolve(vsix), '--force', '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData], { env, encoding: 'utf8', timeout: 120000 });
    if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
  }
  const args = [CODE_SERVER, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  if (!options.workspaceTrust) args.push('--disable-workspace-trust');
  if (options.workspace) args.push(path.resolve(options.workspace));
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output = (output + chunk).slice(-200000)));
  const browsers = [];
  const server = {
    pid: child.pid,
    dirs,
    url: '',
    authority: '',
    workspace: options.workspace ? path.resolve(options.workspace) : undefined,
    log: () => output,
    remoteUri: (p) => `vscode-remote://${server.authority}${path.resolve(p)}`,
    browsers,
    async stop() {
      for (const browser of browsers.splice(0)) await browser.close().catch(() => {});
      if (!exited) killGroup(child.pid, 'SIGTERM');
      await Promise.race([exit, sleep(5000)]);
      killGroup(child.pid, 'SIGKILL');
      live.delete(server);
      if (!process.env.DFS_E2E_KEEP) fs.rmSync(base, { recursive: true, force: true });
    },
  };
  live.add(server);
  const deadline = Date.now() + 60000;
  try {
    for (;;) {
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (match) {
        server.url = match[1];
        server.authority = `127.0.0.1:${match[2]}`;
        if ((await status(`${server.url}/healthz`)) === 200) break;
      }
      if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)})`);
      if (Date.now() > deadline) throw new Error('code-server did not start within 60 s');
      await sleep(100);
    }
  } catch (error) {
    await server.stop();
    error.message += `\n${output.slice(-3000)}`;
    throw error;
  }
  return server;
}

/** Opens the workbench in headless Chromium; with extensionTestsPath the extension host runs them. */
async function openWorkbench(server, options = {}) {
  const payload = [];
  for (const p of [].concat(options.extensionDevelopmentPath || [])) payload.push(['extensionDevelopmentPath', server.remoteUri(p)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', server.remoteUri(options.extensionTestsPath)]);
  const folder = options.folder === undefined ? server.workspace : options.folder;
  const query = [folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true'];
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const browser = await playwright().chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    env: { ...process.env, TMPDIR: server.dirs.tmp },
  });
  server.browsers.push(browser);
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  page.setDefaultTimeout(60000);
  if (options.onLog) await page.exposeFunction('codeAutomationLog', options.onLog);
  if (options.onExit) await page.exposeFunction('codeAutomationExit', options.onExit);
  await page.goto(`${server.url}/?${query.join('&')}`);
  if (options.waitForReady !== false) {
    await page.waitForSelector('.monaco-workbench');
    if (folder) await page.waitForSelector('.explorer-folders-view .monaco-list-row');
  }
  return { browser, page };
}

module.exports = { CACHE, startCodeServer, openWorkbench, sleep };
