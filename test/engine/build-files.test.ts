import assert from '../support/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildFileArgv, DEFAULT_BUILD_SETTINGS, type BuildFileRequest } from '../../client/src/build/build-args';
import { buildSites, isDefaultBuildFile } from '../../server/src/workspace/build-files';
import { engineAvailable } from '../support/engine';

const DOCKERFILE = `FROM local/busybox:1 AS build
RUN echo BUILD_STAGE_RAN > /build.txt
LABEL stage=build

FROM local/busybox:1 AS runtime
RUN echo RUNTIME_STAGE_RAN
COPY --from=build /build.txt /build.txt
LABEL stage=runtime
`;

const BAKE = `target "compiler" {
  target = "build"
  tags = ["dfs-bake:compiler"]
  network = "none"
  no-cache = true
}

target "app" {
  target = "runtime"
  tags = ["dfs-bake:app"]
}
`;

const COMPOSE = `services:
  tools:
    image: dfs-compose:tools
    build:
      context: .
      target: build
      network: none
  app:
    image: dfs-compose:app
    build:
      context: .
      target: runtime
`;

/** The argv a lens above `name` runs, found as the extension finds it: the file's build sites. */
function lensArgv(folder: string, file: string, name: string) {
  const text = spawnSync('cat', [path.join(folder, file)], { encoding: 'utf8' }).stdout;
  const site = buildSites({ path: file, text }).find((s) => s.name === name);
  assert.ok(site, `a lens above ${name}`);
  const request: BuildFileRequest = { kind: site.kind, name, file: path.join(folder, file), defaultFile: isDefaultBuildFile(file), baseFile: null };
  return buildFileArgv(DEFAULT_BUILD_SETTINGS, request);
}

const label = (image: string): string => spawnSync('docker', ['image', 'inspect', '-f', '{{ index .Config.Labels "stage" }}', image], { encoding: 'utf8' }).stdout.trim();

describe('the build lenses of compose and Bake files, on a real engine', { skip: !engineAvailable() && 'no Docker engine (run scripts/test-engine.mjs)' }, () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'dfs-build-files-'));
    writeFileSync(path.join(folder, 'Dockerfile'), DOCKERFILE);
    writeFileSync(path.join(folder, 'docker-bake.hcl'), BAKE);
    writeFileSync(path.join(folder, 'compose.yaml'), COMPOSE);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('"Build target compiler" runs docker buildx bake compiler in the file\'s folder and builds that stage only', () => {
    const { command, args } = lensArgv(folder, 'docker-bake.hcl', 'compiler');
    assert.deepEqual(args, ['buildx', 'bake', 'compiler']);
    const run = spawnSync(command, args, { cwd: folder, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr.slice(-2000));
    assert.match(run.stderr, /BUILD_STAGE_RAN/);
    assert.doesNotMatch(run.stderr, /RUNTIME_STAGE_RAN/);
    assert.equal(label('dfs-bake:compiler'), 'build');
  });

  it('"Build service tools" runs docker compose build tools and builds its target stage', () => {
    const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, `the rig has the compose plugin: ${version.stderr}`);
    const { command, args } = lensArgv(folder, 'compose.yaml', 'tools');
    assert.deepEqual(args, ['compose', 'build', 'tools']);
    const run = spawnSync(command, args, { cwd: folder, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr.slice(-2000));
    assert.equal(label('dfs-compose:tools'), 'build');
    assert.equal(spawnSync('docker', ['image', 'inspect', 'dfs-compose:app'], { encoding: 'utf8' }).status, 1, 'the other service is not built');
  });
});
