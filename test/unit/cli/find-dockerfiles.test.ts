import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDockerfileName } from '../../../server/src/node/find-dockerfiles';

describe('Dockerfile names the checker looks for', () => {
  it('finds the names real projects use, in any case', () => {
    for (const name of [
      'Dockerfile',
      'Containerfile',
      'dockerfile',
      'Dockerfile.dev',
      'Dockerfile.windows',
      'Dockerfile-windows',
      'Dockerfile_llamacpp',
      'alpine.dockerfile',
      'lint.Dockerfile',
      'debian-base.dockerfile',
      'Containerfile.rhel',
    ]) {
      assert.equal(isDockerfileName(name), true, name);
    }
  });

  it('skips ignore files, documents, code and templates named after Dockerfiles', () => {
    for (const name of ['Dockerfile.dockerignore', '.dockerignore', 'Dockerfile.5.md', 'dockerfile.go', 'dockerfile_test.go', 'Dockerfile-linux.template', 'Dockerfile.yml', 'mydockerfile', 'README.md']) {
      assert.equal(isDockerfileName(name), false, name);
    }
  });
});
