import assert from '../support/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { engineAvailable } from '../support/engine';

const CLI = path.resolve('dist/cli.js');

interface Entry {
  readonly line: number;
  readonly instruction: string;
  readonly cached: boolean;
  readonly seconds: number | null;
  readonly layerBytes: number | null;
  readonly error: string | null;
}

describe('dockerfile-stages build, on a real engine', { skip: !engineAvailable() && 'no Docker engine (run scripts/test-engine.mjs)' }, () => {
  let folder: string;
  const unique = Date.now().toString(36);
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'dfs-cli-build-'));
    writeFileSync(
      path.join(folder, 'Dockerfile'),
      `FROM local/busybox:1 AS deps\nRUN echo ${unique} > /deps.txt\n\nFROM deps AS build\nCOPY src.txt /src.txt\nRUN cat /src.txt > /out.txt && echo ${unique} >> /out.txt\n\nFROM local/busybox:1 AS runtime\nCOPY --from=build /out.txt /out.txt\nCMD ["cat", "/out.txt"]\n`,
    );
    writeFileSync(path.join(folder, 'src.txt'), 'one\n');
    writeFileSync(path.join(folder, 'failing.Dockerfile'), `FROM local/busybox:1\nRUN echo ${unique} && exit 3\n`);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const build = (...args: string[]) => spawnSync(process.execPath, [CLI, 'build', ...args], { cwd: folder, encoding: 'utf8', timeout: 300_000 });
  const entries = (stdout: string): Entry[] => (JSON.parse(stdout) as { instructions: Entry[] }).instructions;
  const summary = (list: readonly Entry[]) => list.filter((e) => e.instruction !== 'FROM').map((e) => [e.line, e.instruction, e.cached]);

  it('prints one JSON entry per instruction; after a source change, cached up to the COPY that reads it', () => {
    const first = build('Dockerfile', '--format', 'json', '--', '--network=none');
    assert.equal(first.status, 0, first.stderr.slice(-2000));
    assert.doesNotMatch(first.stderr, /"vertexes"/, 'progress on stderr is readable');
    assert.match(first.stderr, /#\d+ \[build 2\/2\] RUN cat \/src\.txt > \/out\.txt && echo /);
    assert.deepEqual(summary(entries(first.stdout)), [[2, 'RUN', false], [5, 'COPY', false], [6, 'RUN', false], [9, 'COPY', false]]);
    assert.ok(entries(first.stdout).every((e) => typeof e.seconds === 'number' && e.error === null));
    assert.equal(entries(first.stdout).find((e) => e.line === 9)?.layerBytes, 'one\n'.length + `${unique}\n`.length);

    writeFileSync(path.join(folder, 'src.txt'), 'two\n');
    const second = build('Dockerfile', '--format', 'json', '--', '--network=none');
    assert.equal(second.status, 0, second.stderr.slice(-2000));
    assert.deepEqual(summary(entries(second.stdout)), [[2, 'RUN', true], [5, 'COPY', false], [6, 'RUN', false], [9, 'COPY', false]]);
  });

  it('builds a target only, prints a table in text, and passes what follows -- to docker build', () => {
    const run = build('Dockerfile', '--target', 'build', '--', '--network=none', '--label', 'from=cli');
    assert.equal(run.status, 0, run.stderr.slice(-2000));
    assert.match(run.stdout, /^\s+6 {2}build {8}cached/m);
    assert.doesNotMatch(run.stdout, /runtime/);
    assert.match(run.stdout, /The build succeeded\.\n$/);
  });

  it("exits with the build's code and says which step failed", () => {
    const run = build('failing.Dockerfile', '--format', 'json', '--', '--network=none');
    assert.equal(run.status, 1);
    const failed = entries(run.stdout).find((e) => e.line === 2);
    assert.match(failed?.error ?? '', /did not complete successfully: exit code: 3/);
    assert.match(run.stderr, /ERROR: failed to build/);
  });
});
