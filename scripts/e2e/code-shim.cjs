#!/usr/bin/env node
'use strict';
// Stands in for the VS Code executable that @vscode/test-electron's runTests launches: it reads
// the arguments test-electron passes, starts code-server, opens the workbench with the extension
// under development and its tests, prints what the tests print, and exits with their result.
// DFS_E2E_WORKSPACE_TRUST=1 keeps Workspace Trust on (the folder then opens in Restricted Mode).
const path = require('node:path');
const util = require('node:util');
const { startCodeServer, openWorkbench } = require('./workbench.cjs');

function parse(argv) {
  const result = { development: [], tests: undefined, extensionsDir: undefined, folder: undefined };
  for (const arg of argv) {
    if (!arg.startsWith('--')) result.folder = path.resolve(arg);
    const [key, value] = arg.slice(2).split(/=(.*)/s);
    if (key === 'extensionDevelopmentPath') result.development.push(path.resolve(value));
    else if (key === 'extensionTestsPath') result.tests = path.resolve(value);
    else if (key === 'extensions-dir') result.extensionsDir = path.resolve(value);
  }
  return result;
}

async function main() {
  const args = parse(process.argv.slice(2));
  if (!args.tests) throw new Error('--extensionTestsPath is required');
  const timeoutMs = Number(process.env.DFS_E2E_TIMEOUT_MS || 600000);
  const server = await startCodeServer({ workspace: args.folder, extensionsDir: args.extensionsDir, workspaceTrust: process.env.DFS_E2E_WORKSPACE_TRUST === '1', env: { DFS_E2E_RUN: '1' } });
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  try {
    const { page } = await openWorkbench(server, {
      folder: args.folder ?? null,
      extensionDevelopmentPath: args.development,
      extensionTestsPath: args.tests,
      waitForReady: false,
      onLog: (level, message) => {
        const text = Array.isArray(message) ? util.format(...message) : String(message);
        (level === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
      },
      onExit: (code) => finish(Number(code) || 0),
    });
    page.on('crash', () => finish(1));
    const timer = setTimeout(() => {
      console.error(`code-shim: no result after ${timeoutMs} ms`);
      finish(1);
    }, timeoutMs);
    const code = await finished;
    clearTimeout(timer);
    return code;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
