import assert from '../support/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildArgv, DEFAULT_BUILD_SETTINGS } from '../../client/src/build/build-args';
import { engineAvailable } from '../support/engine';

const DOCKERFILE = `FROM local/busybox:1 AS deps
RUN echo DEPS_STAGE_RAN && echo deps > /deps.txt

FROM deps AS build
RUN echo BUILD_STAGE_RAN && echo build > /build.txt
LABEL stage=build

FROM local/busybox:1 AS runtime
RUN echo RUNTIME_STAGE_RAN
COPY --from=build /build.txt /build.txt
LABEL stage=runtime
`;

describe('building a stage with the argv the extension runs, on a real engine', { skip: !engineAvailable() && 'no Docker engine (run scripts/test-engine.mjs)' }, () => {
  it('builds the target and what it needs, not the stages after it', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs build '));
    try {
      writeFileSync(path.join(folder, 'Dockerfile'), DOCKERFILE);
      const settings = { ...DEFAULT_BUILD_SETTINGS, extraArgs: ['--network=none', '--progress=plain', '--no-cache'] };
      const { command, args } = buildArgv(settings, { dockerfile: path.join(folder, 'Dockerfile'), contextFolder: folder, target: 'build' });
      const run = spawnSync(command, args, { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr.slice(-2000));
      assert.match(run.stderr, /DEPS_STAGE_RAN/);
      assert.match(run.stderr, /BUILD_STAGE_RAN/);
      assert.doesNotMatch(run.stderr, /RUNTIME_STAGE_RAN/);
      const tag = args[args.indexOf('-t') + 1] as string;
      assert.match(tag, /^dfs-build-[a-z0-9]+:build$/);
      const label = spawnSync('docker', ['image', 'inspect', '-f', '{{ index .Config.Labels "stage" }}', tag], { encoding: 'utf8' });
      assert.equal(label.stdout.trim(), 'build');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
