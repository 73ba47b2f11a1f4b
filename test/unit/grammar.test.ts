import assert from '../support/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { describeWithData, grammarData } from '../support/third-party';

const require = createRequire(__filename);
const grammars = grammarData();

/**
 * A grammar set-up for vscode-tmgrammar-test, as VS Code loads it: the Dockerfile, shell and
 * Python grammars VS Code ships (read from its built-in extensions, never copied) and our injection.
 * The tool joins each path to the set-up's folder, so they are written relative to it.
 */
function writeGrammarSetup(folder: string): string {
  const from = (...parts: string[]) => path.relative(folder, path.join(...parts));
  const builtIn = (extension: string, file: string) => from(grammars.root, extension, 'syntaxes', file);
  const setup = {
    name: 'dockerfile-stages-grammar-tests',
    private: true,
    contributes: {
      languages: [{ id: 'dockerfile', extensions: ['.dockerfile'] }],
      grammars: [
        { language: 'dockerfile', scopeName: 'source.dockerfile', path: builtIn('docker', 'docker.tmLanguage.json') },
        { scopeName: 'source.shell', path: builtIn('shellscript', 'shell-unix-bash.tmLanguage.json') },
        { scopeName: 'source.python', path: builtIn('python', 'MagicPython.tmLanguage.json') },
        { scopeName: 'source.regexp.python', path: builtIn('python', 'MagicRegExp.tmLanguage.json') },
        { scopeName: 'dockerfile-stages.injection', path: from(path.resolve('syntaxes', 'dockerfile-stages.injection.tmLanguage.json')), injectTo: ['source.dockerfile'] },
      ],
    },
  };
  const file = path.join(folder, 'package.json');
  writeFileSync(file, JSON.stringify(setup));
  return file;
}

describeWithData(grammars, 'injection grammar inside the grammars VS Code ships', () => {
  it('scopes stage names, flags, mounts, variables, directives and heredoc bodies inside the built-in Dockerfile grammar', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-grammar-'));
    try {
      const cli = path.join(path.dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
      const run = spawnSync(process.execPath, [cli, '--config', writeGrammarSetup(folder), 'test/grammar/*.test.dockerfile'], { encoding: 'utf8' });
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /stages\.test\.dockerfile run successful/);
      assert.match(run.stdout, /directives-heredocs\.test\.dockerfile run successful/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('injection grammar', () => {
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
