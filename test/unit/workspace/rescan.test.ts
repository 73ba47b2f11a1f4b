import assert from '../../support/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { rescanFiles, scanWorkspace } from '../../../server/src/node/workspace-scan';

describe('a build file changed: only it is read again', () => {
  it('follows a changed target, a new file and a deleted one, and gives the same index as a new walk', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dfs-rescan-'));
    try {
      mkdirSync(path.join(root, 'api'));
      writeFileSync(path.join(root, 'api', 'Dockerfile'), 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS runtime\n');
      writeFileSync(path.join(root, 'api', 'compose.yaml'), 'services:\n  api:\n    build:\n      context: .\n      target: build\n');
      const first = scanWorkspace(root);
      const targets = (w: typeof first) => w.index.references.map((r) => `${r.source.file}:${r.target}`).sort();
      assert.deepEqual(targets(first), ['api/compose.yaml:build']);

      writeFileSync(path.join(root, 'api', 'compose.yaml'), 'services:\n  api:\n    build:\n      context: .\n      target: runtime\n');
      writeFileSync(path.join(root, 'docker-bake.hcl'), 'target "api" {\n  context = "api"\n  target = "build"\n}\n');
      const second = rescanFiles(first, ['api/compose.yaml', 'docker-bake.hcl']);
      assert.deepEqual(targets(second), ['api/compose.yaml:runtime', 'docker-bake.hcl:build']);
      assert.deepEqual(targets(second), targets(scanWorkspace(root)));

      rmSync(path.join(root, 'docker-bake.hcl'));
      const third = rescanFiles(second, ['docker-bake.hcl']);
      assert.deepEqual(targets(third), ['api/compose.yaml:runtime']);
      assert.equal(third.paths.has('docker-bake.hcl'), false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads an edited file again when the paths stay the same, keeping the others', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dfs-rescan-same-'));
    try {
      mkdirSync(path.join(root, '.github', 'workflows'), { recursive: true });
      writeFileSync(path.join(root, 'Dockerfile'), 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS runtime\n');
      const workflow = (target: string) => `on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          target: ${target}\n`;
      writeFileSync(path.join(root, '.github', 'workflows', 'a.yml'), workflow('build'));
      writeFileSync(path.join(root, '.github', 'workflows', 'b.yml'), workflow('runtime'));
      writeFileSync(path.join(root, 'compose.yaml'), 'services:\n  app:\n    build:\n      context: .\n      target: build\n');
      const first = scanWorkspace(root);
      const targets = (w: typeof first) => w.index.references.map((r) => `${r.source.file}:${r.target}`).sort();
      writeFileSync(path.join(root, '.github', 'workflows', 'a.yml'), workflow('runtime'));
      writeFileSync(path.join(root, 'compose.yaml'), 'services:\n  app:\n    build:\n      context: .\n      target: runtime\n');
      const second = rescanFiles(first, ['.github/workflows/a.yml', 'compose.yaml']);
      assert.equal(second.paths, first.paths);
      assert.deepEqual(targets(second), ['.github/workflows/a.yml:runtime', '.github/workflows/b.yml:runtime', 'compose.yaml:runtime']);
      assert.deepEqual(targets(second), targets(scanWorkspace(root)));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
