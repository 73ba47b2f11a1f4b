import assert from '../support/assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const require = createRequire(__filename);

describe('injection grammar', () => {
  it('scopes stage names, flags, mounts, variables, directives and heredoc bodies inside the built-in Dockerfile grammar', () => {
    const cli = path.join(path.dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
    const run = spawnSync(process.execPath, [cli, '--config', 'test/grammar/package.json', 'test/grammar/*.test.dockerfile'], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /stages\.test\.dockerfile run successful/);
    assert.match(run.stdout, /directives-heredocs\.test\.dockerfile run successful/);
  });

  it('is contributed as an injection into source.dockerfile, with its embedded languages', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: { grammars: { scopeName: string; path: string; injectTo?: string[]; embeddedLanguages?: Record<string, string> }[] };
    };
    const [grammar] = manifest.contributes.grammars;
    assert.deepEqual(grammar?.injectTo, ['source.dockerfile']);
    assert.deepEqual(grammar?.embeddedLanguages, { 'meta.embedded.block.shellscript': 'shellscript', 'meta.embedded.block.python': 'python' });
    const scope = (JSON.parse(readFileSync(grammar?.path ?? '', 'utf8')) as { scopeName: string }).scopeName;
    assert.equal(scope, grammar?.scopeName);
  });
});
