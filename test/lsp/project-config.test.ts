import assert from '../support/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CHECK_PROJECT_CONFIG_REQUEST, STAGES_REQUEST, type CheckProjectConfigResult, type StagesResult } from '../../common/protocol';
import { fileUri, LspTestClient } from '../support/lsp-client';

const DOCKERFILE = 'FROM alpine:3.20 AS build\nFROM build AS test\nRUN true\nFROM alpine:3.20 AS runtime\nCMD ["x"]\n';

describe('.dockerfile-stages.json over LSP', () => {
  let folder = '';
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'dfs-lsp-config-'));
    mkdirSync(path.join(folder, 'app'));
    writeFileSync(path.join(folder, 'app', 'Dockerfile'), DOCKERFILE);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('gives the configured target to every surface: the stage list says it and builds it by default', async () => {
    writeFileSync(path.join(folder, 'app', '.dockerfile-stages.json'), '{ "target": "test" }');
    const lsp = new LspTestClient();
    try {
      await lsp.initialize({}, undefined, fileUri(folder));
      const uri = fileUri(path.join(folder, 'app', 'Dockerfile'));
      await lsp.open(uri, DOCKERFILE);
      const stages = await lsp.request<StagesResult>(STAGES_REQUEST, { uri });
      assert.deepEqual([stages.defaultTarget, stages.configuredTarget], [1, { target: 'test', file: path.join(folder, 'app', '.dockerfile-stages.json'), index: 1 }]);
    } finally {
      assert.equal(await lsp.stop(), 0);
    }
  });

  it('says in the JSON file when the target names no stage of the Dockerfiles it applies to', async () => {
    const configFile = path.join(folder, 'app', '.dockerfile-stages.json');
    const text = '{\n  "target": "tset"\n}\n';
    writeFileSync(configFile, text);
    const lsp = new LspTestClient();
    try {
      await lsp.initialize({}, undefined, fileUri(folder));
      const result = await lsp.request<CheckProjectConfigResult>(CHECK_PROJECT_CONFIG_REQUEST, { uri: fileUri(configFile), text });
      assert.deepEqual(result, {
        problems: [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 18 } }, message: "'tset' is no stage of Dockerfile (its stages: build, test, runtime). Did you mean 'test'?" }],
      });
      // The editor's text of the file is what counts, not what is saved.
      assert.deepEqual(await lsp.request<CheckProjectConfigResult>(CHECK_PROJECT_CONFIG_REQUEST, { uri: fileUri(configFile), text: '{ "target": "runtime" }' }), { problems: [] });
      // Broken JSON is for the JSON editor to say; nothing breaks here.
      assert.deepEqual(await lsp.request<CheckProjectConfigResult>(CHECK_PROJECT_CONFIG_REQUEST, { uri: fileUri(configFile), text: '{ "target": ' }), { problems: [] });
      const stages = await lsp.request<StagesResult>(STAGES_REQUEST, { uri: fileUri(path.join(folder, 'app', 'Dockerfile')) });
      assert.equal(stages.defaultTarget, -1, 'not open: no stages');
    } finally {
      assert.equal(await lsp.stop(), 0);
    }
  });
});

describe('a quick fix that creates a file, over LSP', () => {
  it('opens the file it creates, in the extension (clientCommands), and only there', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-lsp-create-'));
    try {
      writeFileSync(path.join(folder, 'package.json'), '{}');
      const dockerfile = path.join(folder, 'Dockerfile');
      const text = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "server.js"]\n';
      writeFileSync(dockerfile, text);
      for (const clientCommands of [true, false]) {
        const lsp = new LspTestClient();
        try {
          await lsp.initialize({}, { clientCommands }, fileUri(folder));
          const uri = fileUri(dockerfile);
          const diagnostic = (await lsp.open(uri, text)).diagnostics.find((d) => d.code === 'dockerignore-missing');
          assert.ok(diagnostic);
          const actions = await lsp.request<{ title: string; command?: { command: string; arguments?: unknown[] } }[]>('textDocument/codeAction', {
            textDocument: { uri },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] },
          });
          const create = actions.find((a) => a.title === 'Create a .dockerignore for this project');
          assert.deepEqual(create?.command, clientCommands ? { title: 'Open the new file', command: 'dockerfileStages.openFile', arguments: [fileUri(path.join(folder, '.dockerignore'))] } : undefined);
        } finally {
          assert.equal(await lsp.stop(), 0);
        }
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
