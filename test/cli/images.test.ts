import assert from '../support/assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fakeRegistry } from '../support/fake-registry';

const CLI = path.resolve('dist/cli.js');

/** Runs the CLI without blocking this process: the fake registry answers from it. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', DOCKER_HOST: 'unix:///nonexistent/docker.sock', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('dockerfile-stages check --images', () => {
  let registry: ReturnType<typeof fakeRegistry>;
  let host = '';
  let folder = '';
  let dockerfile = '';
  before(async () => {
    registry = fakeRegistry();
    await new Promise<void>((resolve) => registry.server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(registry.server.address() as AddressInfo).port}`;
    folder = mkdtempSync(path.join(tmpdir(), 'dfs-cli-images-'));
    dockerfile = path.join(folder, 'Dockerfile');
    writeFileSync(dockerfile, `FROM ${host}/team/app:1\nCMD ["/app"]\n`);
  });
  after(() => {
    registry.server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const rulesOf = (stdout: string): string[] => (JSON.parse(stdout) as { diagnostics: { ruleId: string; message: string }[] }[]).flatMap((r) => r.diagnostics.map((p) => `${p.ruleId}: ${p.message}`));
  const args = (images: string, platform: string) => ['check', dockerfile, '--format', 'json', '--fail-level', 'none', '--shellcheck', 'off', '--images', images, '--images-cache', path.join(folder, 'cache'), '--platform', platform];

  it('knows nothing of a project image without a look-up, and never calls the network', async () => {
    const { code, stdout, stderr } = await cli(args('cache', 'linux/s390x'), {});
    assert.equal(code, 0, stderr);
    assert.deepEqual(rulesOf(stdout), []);
    assert.equal(registry.requests.length, 0);
  });

  it('looks the image up with --images lookup: its platforms and its user', async () => {
    const { stdout, stderr } = await cli(args('lookup', 'linux/s390x'), {});
    assert.equal(stderr, '');
    assert.deepEqual(rulesOf(stdout), [
      `base-image-platform: '${host}/team/app:1' offers linux/amd64, linux/arm64/v8, not linux/s390x (the target platform): the pull fails, or an image for another platform runs under emulation.`,
    ]);
    // The config read is that of the first Linux platform: user 1000, not root; a HEALTHCHECK.
    assert.ok(registry.requests.some((r) => r.startsWith('GET /v2/team/app/blobs/')));
  });

  it('pins with --fix --images lookup: to the release tag that is the same image today, else says why not', async () => {
    const file = path.join(folder, 'pins.Dockerfile');
    const lines = [
      `ARG BASE=${host}/team/app`,
      'FROM $BASE AS build',
      'RUN ["/build"]',
      '',
      `FROM ${host}/team/next AS tools`,
      'RUN ["/tools"]',
      '',
      `FROM ${host}/team/gone:latest AS other`,
      'RUN ["/other"]',
      '',
      `FROM ${host}/team/app:latest`,
      'COPY --from=build /out /out',
      'COPY --from=tools /bin/tool /bin/tool',
      'COPY --from=other /etc/other /etc/other',
      'USER 1000',
      'CMD ["/out/app"]',
      '',
    ];
    writeFileSync(file, lines.join('\n'));
    const { code, stdout, stderr } = await cli(['check', file, '--fix', '--fail-level', 'none', '--shellcheck', 'off', '--images', 'lookup', '--images-cache', path.join(folder, 'cache'), '--platform', 'linux/amd64'], {});
    assert.equal(code, 0, stderr);
    const pinned = [...lines];
    pinned[0] = `ARG BASE=${host}/team/app:1.4.2`;
    pinned[10] = `FROM ${host}/team/app:1.4.2`;
    assert.equal(readFileSync(file, 'utf8'), pinned.join('\n'));
    assert.match(stderr, new RegExp(`${escape(file)}: line 5: not pinned: no release tag of ${escape(host)}/team/next is what it means today \\(its newest release is 2\\.0\\); pin it by hand`));
    assert.match(stderr, new RegExp(`${escape(file)}: line 8: not pinned: could not look up ${escape(host)}/team/gone:latest: `));
    assert.match(stdout, /fixed 2/);
  });

  it('answers from the disk cache with the registry gone', async () => {
    await new Promise<void>((resolve) => registry.server.close(() => resolve()));
    const { stdout, stderr } = await cli(args('cache', 'linux/s390x'), {});
    assert.equal(stderr, '');
    assert.equal(rulesOf(stdout).length, 1);
    // --images none: the built-in table only.
    assert.deepEqual(rulesOf((await cli(args('none', 'linux/s390x'), {})).stdout), []);
    // A look-up that fails is said, and the check goes on.
    writeFileSync(dockerfile, `FROM ${host}/team/other:2\nCMD ["/app"]\n`);
    const failed = await cli(args('lookup', 'linux/amd64'), {});
    assert.equal(failed.code, 0);
    assert.match(failed.stderr, new RegExp(`dockerfile-stages: could not look up ${host.replace(/\./g, '\\.')}/team/other:2 \\(linux/amd64\\): Could not reach`));
  });

  it('refuses an unknown source', async () => {
    const { code, stderr } = await cli(['check', dockerfile, '--images', 'everything'], {});
    assert.equal(code, 2);
    assert.match(stderr, /--images must be one of none, cache, lookup/);
  });
});
