import assert from '../support/assert';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { engineAvailable } from '../support/engine';
import { LspTestClient } from '../support/lsp-client';

const registry = process.env.REGISTRY ?? '';
const CLI = path.resolve('dist/cli.js');
const codes = (published: PublishDiagnosticsParams) => published.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`).sort();
const hoverText = (hover: Hover | null) => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');

/** Builds an image from a Dockerfile on stdin, offline. */
function build(tag: string, dockerfile: string, platform = 'linux/amd64'): void {
  const folder = mkdtempSync(path.join(tmpdir(), 'dfs-facts-build-'));
  try {
    writeFileSync(path.join(folder, 'Dockerfile'), dockerfile);
    writeFileSync(path.join(folder, 'marker'), 'facts\n');
    execFileSync('docker', ['build', '-q', '--network=none', '--platform', platform, '-t', tag, folder]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A private docker-registry on a free loopback port, so that a test can stop it (by pid). */
async function startRegistry(folder: string): Promise<{ address: string; process: ChildProcess }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const config = path.join(folder, 'registry.yml');
  writeFileSync(config, `version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${path.join(folder, 'storage')}\nhttp:\n  addr: 127.0.0.1:${port}\n`);
  const child = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/v2/`).then((r) => r.ok).catch(() => false);
    if (up) return { address: `127.0.0.1:${port}`, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('docker-registry did not start');
}

describe('base image facts from a real engine and a real registry', { skip: (!engineAvailable() || !registry) && 'no engine or registry (run scripts/test-engine.mjs)' }, () => {
  let folder = '';
  let own: { address: string; process: ChildProcess };
  let index = '';
  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'dfs-facts-'));
    // A registry of this test's own, stopped later to show the disk cache answering.
    own = await startRegistry(folder);
    const address = own.address;
    index = `${address}/facts/app:1`;
    // One image that leaves root, sets its environment and a HEALTHCHECK; the engine has it locally.
    build('local/facts-user:1', 'FROM local/busybox:1\nUSER 1000\nENV APP_HOME=/srv\nWORKDIR /srv\nHEALTHCHECK CMD true\n');
    // A two-platform index in the registry: amd64 runs as 1000 with a HEALTHCHECK, arm64 (files only) as root.
    execFileSync('docker', ['tag', 'local/facts-user:1', `${address}/facts/app:amd64`]);
    execFileSync('docker', ['push', '-q', `${address}/facts/app:amd64`]);
    build(`${address}/facts/app:arm64`, 'FROM scratch\nCOPY marker /marker\n', 'linux/arm64');
    execFileSync('docker', ['push', '-q', `${address}/facts/app:arm64`]);
    execFileSync('docker', ['manifest', 'create', '--amend', '--insecure', index, `${address}/facts/app:amd64`, `${address}/facts/app:arm64`]);
    execFileSync('docker', ['manifest', 'push', '--insecure', index]);
  });
  after(() => {
    own?.process.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads what the local engine has (image inspect) and lints with it, no registry asked', async () => {
    const lsp = new LspTestClient();
    try {
      lsp.settings = { images: { localEngine: true } };
      await lsp.initialize({ workspace: { configuration: true } }, { storageFolder: path.join(folder, 'storage') });
      // The engine answers after the first lint; the document is linted again with its answer.
      const rooted = 'untitled:facts/Root.Dockerfile';
      const first = await lsp.open(rooted, 'FROM local/busybox:1\nEXPOSE 8080\nCMD ["httpd", "-f"]\n');
      const second = codes(first).includes('final-user-root@0') ? first : await lsp.nextDiagnostics(rooted);
      assert.deepEqual(codes(second), ['final-no-healthcheck@1', 'final-user-root@0']);

      const user = 'untitled:facts/User.Dockerfile';
      const opened = await lsp.open(user, 'FROM local/facts-user:1\nEXPOSE 8080\nCMD ["httpd", "-f"]\n');
      const answered = codes(opened).length === 0 ? opened : await lsp.nextDiagnostics(user);
      assert.deepEqual(codes(answered), [], 'user 1000 and a HEALTHCHECK are inherited');
      const card = hoverText(await lsp.request<Hover>('textDocument/hover', { textDocument: { uri: user }, position: { line: 0, character: 6 } }));
      assert.match(card, /- Linux, user `1000`, environment `PATH`, `APP_HOME`, working directory `\/srv`, command `sh`, has a HEALTHCHECK \(stages built FROM it inherit it\) — \*local engine \(docker image inspect\)\*/);
    } finally {
      assert.equal(await lsp.stop(), 0);
    }
  });

  it('looks an index up in the registry: the platforms it offers, each platform its own user; then, the registry stopped, from the disk cache', async () => {
    const dockerfile = path.join(folder, 'Dockerfile');
    writeFileSync(dockerfile, `FROM ${index}\nEXPOSE 8080\nCMD ["/app"]\n`);
    const cache = path.join(folder, 'cache');
    let stderr = '';
    const check = (images: string, platform: string) => {
      const run = spawnSync(process.execPath, [CLI, 'check', dockerfile, '--format', 'json', '--fail-level', 'none', '--shellcheck', 'off', '--images', images, '--images-cache', cache, '--platform', platform], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      stderr = run.stderr;
      return (JSON.parse(run.stdout) as { diagnostics: { ruleId: string; message: string }[] }[]).flatMap((r) => r.diagnostics.map((d) => `${d.ruleId}: ${d.message}`));
    };
    assert.deepEqual(check('lookup', 'linux/s390x'), [
      `base-image-platform: '${index}' offers linux/amd64, linux/arm64, not linux/s390x (the target platform): the pull fails, or an image for another platform runs under emulation.`,
    ]);
    // BuildKit agrees: it cannot pull the index for that platform.
    const built = spawnSync('docker', ['build', '--platform', 'linux/s390x', '-f', dockerfile, folder], { encoding: 'utf8' });
    assert.notEqual(built.status, 0);
    assert.match(built.stderr, /no match for platform/);
    // Each platform has its own configuration: arm64 runs as root with no HEALTHCHECK, amd64 as 1000 with one.
    assert.deepEqual(check('lookup', 'linux/arm64').map((f) => f.split(':')[0]), ['final-user-root', 'final-no-healthcheck']);
    assert.deepEqual(check('lookup', 'linux/amd64'), []);
    assert.equal(stderr, '');

    own.process.kill();
    await new Promise((resolve) => own.process.once('exit', resolve));
    assert.deepEqual(check('cache', 'linux/s390x').length, 1, 'the disk cache answers with the registry stopped');
    assert.deepEqual(check('cache', 'linux/arm64').length, 2);
    assert.equal(stderr, '');
    // What the cache knows is not asked again; what it does not know fails, said on stderr.
    assert.deepEqual(check('lookup', 'linux/arm64').length, 2);
    assert.equal(stderr, '');
    // Nothing known: the user rule is silent; the HEALTHCHECK hint is not (few images inherit one).
    const ids = (findings: string[]) => findings.map((f) => f.split(':')[0]);
    assert.deepEqual(ids(check('lookup', 'linux/riscv64')), ['final-no-healthcheck']);
    assert.match(stderr, /could not look up .*\/facts\/app:1 \(linux\/riscv64\): Could not reach/);
    assert.deepEqual(ids(check('none', 'linux/s390x')), ['final-no-healthcheck']);
  });
});
