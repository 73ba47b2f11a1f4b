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
});
