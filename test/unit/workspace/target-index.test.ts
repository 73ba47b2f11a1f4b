import { describe, it } from 'node:test';
import assert from '../../support/assert';
import { indexTargets, mayNameTargets, targetsOf } from '../../../server/src/workspace/target-index';
import type { WorkspaceFile } from '../../../server/src/workspace/types';

/** The index as compact rows: dockerfile, target, purpose, "file:line label". */
function rows(files: WorkspaceFile[], others: string[]): string[][] {
  const index = indexTargets(files, new Set([...files.map((f) => f.path), ...others]));
  return index.references.map((r) => [r.dockerfile, r.target ?? '(last)', r.purpose, `${r.source.file}:${r.source.line + 1} ${r.source.label}`]);
}

describe('target index', () => {
  it('reads compose services: build target, dockerfile, context, overrides, profiles, extends and source mounts', () => {
    const compose = [
      'services:',
      '  api:',
      '    build:',
      '      context: ..',
      '      dockerfile: docker/api.Dockerfile',
      '      target: ${API_TARGET:-prod}',
      '  tests:',
      '    profiles: [test]',
      '    build:',
      '      context: ..',
      '      dockerfile: docker/api.Dockerfile',
      '      target: test',
      '  dev:',
      '    extends: api',
      '    volumes:',
      '      - ../src:/app/src',
      '  db:',
      '    image: postgres:16',
      '',
    ].join('\n');
    assert.deepEqual(rows([{ path: 'deploy/docker-compose.yml', text: compose }], ['docker/api.Dockerfile']), [
      ['docker/api.Dockerfile', 'prod', 'ship', 'deploy/docker-compose.yml:6 service api'],
      ['docker/api.Dockerfile', 'test', 'test', 'deploy/docker-compose.yml:12 service tests'],
      ['docker/api.Dockerfile', 'prod', 'dev', 'deploy/docker-compose.yml:6 service dev'],
    ]);
    const base = { path: 'compose.yaml', text: 'services:\n  web:\n    build:\n      context: ./web\n      target: release\n    healthcheck:\n      test: ["CMD", "true"]\n' };
    const override = { path: 'compose.override.yaml', text: 'services:\n  web:\n    build:\n      target: dev\n' };
    assert.deepEqual(rows([base, override], ['web/Dockerfile']), [
      ['web/Dockerfile', 'release', 'ship', 'compose.yaml:5 service web'],
      ['web/Dockerfile', 'dev', 'dev', 'compose.override.yaml:4 service web'],
    ]);
    const index = indexTargets([base], new Set(['web/Dockerfile']));
    assert.equal(index.references[0]?.healthChecked, true);
    assert.equal(index.references[0]?.context, 'web');
    assert.equal(index.references[0]?.command, '');
    // One build, three processes (anchors merged as compose does): each service's command is kept.
    const roles = { path: 'compose.yaml', text: 'x-app: &app\n  build: .\nservices:\n  server:\n    <<: *app\n    command: server\n  worker:\n    <<: *app\n    command: ["worker", "--queues", "default"]\n  scheduler:\n    <<: *app\n' };
    assert.deepEqual(indexTargets([roles], new Set(['Dockerfile'])).references.map((r) => r.command), ['server', 'worker --queues default', '']);
  });

  it('reads Bake targets with inherits, groups and outputs, in HCL and JSON', () => {
    const hcl = [
      'variable "TAG" { default = "latest" }',
      'group "default" { targets = ["app", "binaries"] }',
      'target "_common" { context = "." }',
      'target "app" {',
      '  inherits = ["_common"]',
      '  target = "release"',
      '  tags = ["x/app:${TAG}"]',
      '}',
      'target "binaries" {',
      '  inherits = ["_common"]',
      '  target = "binaries"',
      '  output = ["./bin"]',
      '}',
      'target "validate" {',
      '  target = "lint"',
      '  output = ["type=cacheonly"]',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(rows([{ path: 'docker-bake.hcl', text: hcl }], ['Dockerfile']), [
      ['Dockerfile', 'release', 'ship', 'docker-bake.hcl:6 target app'],
      ['Dockerfile', 'binaries', 'export', 'docker-bake.hcl:11 target binaries'],
      ['Dockerfile', 'lint', 'test', 'docker-bake.hcl:15 target validate'],
    ]);
    const json = '{"target": {"default": {"dockerfile": "docker/api.Dockerfile", "target": "prod", "tags": ["api"]}}}';
    assert.deepEqual(rows([{ path: 'docker-bake.json', text: json }], ['docker/api.Dockerfile']), [['docker/api.Dockerfile', 'prod', 'ship', 'docker-bake.json:1 target default']]);
  });

  it('reads GitHub workflows, GitLab CI, Makefiles, scripts, dev containers and Skaffold', () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  push:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          context: .',
      '          file: ./docker/Dockerfile.prod',
      '          target: runtime',
      '          push: true',
      '      - run: docker build --target test -f docker/Dockerfile.prod .',
      '      - uses: useblacksmith/build-push-action@v1',
      '        with:',
      '          file: ./docker/Dockerfile.prod',
      '          push: true',
      '',
    ].join('\n');
    const files: WorkspaceFile[] = [
      { path: '.github/workflows/release.yml', text: workflow },
      { path: '.gitlab-ci.yml', text: 'build:\n  script:\n    - docker build -t app --target release .\n' },
      { path: 'Makefile', text: 'image:\n\tdocker buildx build --target runtime -t app:dev -f Dockerfile .\nbin:\n\tdocker build --target binaries --output type=local,dest=out .\n' },
      { path: 'scripts/release.sh', text: '#!/bin/sh\nset -e\npodman build -f Dockerfile --target "$TARGET" -t api .\nbuildah bud --target prod -f Dockerfile .\n' },
      { path: '.devcontainer/devcontainer.json', text: '{ // comments are allowed\n "build": { "dockerfile": "../Dockerfile", "target": "dev", "context": ".." } }' },
      { path: 'skaffold.yaml', text: 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: app\n      context: .\n      docker:\n        dockerfile: Dockerfile\n        target: release\n' },
    ];
    assert.deepEqual(rows(files, ['Dockerfile', 'docker/Dockerfile.prod']), [
      ['docker/Dockerfile.prod', 'runtime', 'ship', '.github/workflows/release.yml:10 step docker/build-push-action'],
      ['docker/Dockerfile.prod', 'test', 'build', '.github/workflows/release.yml:13 step 2 of job push'],
      ['docker/Dockerfile.prod', '(last)', 'ship', '.github/workflows/release.yml:15 step useblacksmith/build-push-action'],
      ['Dockerfile', 'release', 'build', '.gitlab-ci.yml:3 job build'],
      ['Dockerfile', 'runtime', 'build', 'Makefile:2 Makefile'],
      ['Dockerfile', 'binaries', 'export', 'Makefile:4 Makefile'],
      ['Dockerfile', '(last)', 'build', 'scripts/release.sh:3 release.sh'],
      ['Dockerfile', 'prod', 'build', 'scripts/release.sh:4 release.sh'],
      ['Dockerfile', 'dev', 'dev', '.devcontainer/devcontainer.json:2 dev container'],
      ['Dockerfile', 'release', 'ship', 'skaffold.yaml:5 artifact app'],
    ]);
    const index = indexTargets(files, new Set(['Dockerfile', 'docker/Dockerfile.prod']));
    assert.equal(index.references.find((r) => r.source.file === 'scripts/release.sh')?.targetHasVariables, true);
    assert.deepEqual(targetsOf(index, 'docker/Dockerfile.prod').map((r) => r.target), ['runtime', 'test', null]);
  });

  it('takes an image the same recipe runs with the working tree mounted for a tool over the sources', () => {
    const makefile = 'deb:\n\t@ docker buildx build --load \\\n\t\t-t app-deb-builder \\\n\t\t-f packaging/debian/Dockerfile .\n\t@ docker run --rm --platform linux/amd64 \\\n\t\t-v ${PWD}:/pkg app-deb-builder\nimage:\n\tdocker build --pull -t $(DOCKER_IMAGE):$(VERSION) -f Dockerfile .\n\tdocker run --rm -p 8080:8080 $(DOCKER_IMAGE):$(VERSION)\n';
    assert.deepEqual(rows([{ path: 'Makefile', text: makefile }], ['packaging/debian/Dockerfile', 'Dockerfile']), [
      ['packaging/debian/Dockerfile', '(last)', 'dev', 'Makefile:2 Makefile'],
      ['Dockerfile', '(last)', 'build', 'Makefile:8 Makefile'],
    ]);
  });

  it('turns broken YAML, HCL and JSON into one problem line each, never an exception', () => {
    const index = indexTargets(
      [
        { path: 'compose.yaml', text: 'services:\n  web: [\n' },
        { path: 'docker-bake.hcl', text: 'target "x" {\n' },
        { path: '.devcontainer/devcontainer.json', text: '{ "build": ' },
        { path: '.github/workflows/ci.yml', text: 'jobs: {{{' },
        { path: 'Makefile', text: '\u0000\u0001 docker build --target \n' },
      ],
      new Set(['Dockerfile']),
    );
    assert.deepEqual(index.references, []);
    assert.deepEqual(index.problems.map((p) => p.file), ['compose.yaml', 'docker-bake.hcl', '.devcontainer/devcontainer.json', '.github/workflows/ci.yml']);
    assert.ok(index.problems.every((p) => p.message.startsWith('not read for build targets: ')));
  });

  it('knows which files may name targets', () => {
    const yes = ['compose.yaml', 'docker-compose.prod.yml', 'docker-bake.hcl', 'docker-bake.override.json', '.github/workflows/ci.yml', '.gitlab-ci.yml', '.devcontainer/devcontainer.json', 'skaffold.yaml', 'Makefile', 'scripts/build.sh', 'Justfile'];
    const no = ['Dockerfile', 'package.json', 'docs/compose.md', 'src/main.go', '.github/dependabot.yml'];
    assert.deepEqual(yes.filter((p) => !mayNameTargets(p)), []);
    assert.deepEqual(no.filter((p) => mayNameTargets(p)), []);
  });
});
