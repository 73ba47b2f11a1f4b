import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { buildFileKind, buildSites, isDefaultBuildFile, referencesInFile } from '../../../server/src/workspace/build-files';
import { scriptTargetSpan } from '../../../server/src/workspace/field-spans';
import type { FieldSpan, TargetReference, WorkspaceFile } from '../../../server/src/workspace/types';

/** What a field says, as the tests read it: the file, the text at the span, and whether it may be edited. */
function written(files: readonly WorkspaceFile[], span: FieldSpan | undefined): [string, string, boolean] | null {
  if (!span) return null;
  const text = files.find((f) => f.path === span.file)?.text ?? '';
  return [span.file, text.slice(span.start, span.end), span.literal];
}

function fieldsOf(file: WorkspaceFile, siblings: WorkspaceFile[] = [], existing: readonly string[] = ['Dockerfile']) {
  const all = [file, ...siblings];
  const { references, problems } = referencesInFile(file, siblings, (p) => existing.includes(p));
  return {
    problems,
    fields: references.map((r: TargetReference) => ({
      dockerfile: r.dockerfile,
      target: r.target,
      label: r.source.label,
      targetField: written(all, r.targetField),
      dockerfileField: written(all, r.dockerfileField),
      certain: r.dockerfileCertain ?? null,
    })),
  };
}

describe('build files: where targets and Dockerfiles are written', () => {
  it('tells the files it serves from those it only reads', () => {
    assert.deepEqual(
      ['compose.yaml', 'deploy/docker-compose.prod.yml', 'docker-bake.hcl', 'docker-bake.override.json', '.github/workflows/ci.yml', '.devcontainer/devcontainer.json', 'Makefile', '.gitlab-ci.yml', 'skaffold.yaml', 'values.yaml'].map((p) => [p, buildFileKind(p)]),
      [
        ['compose.yaml', 'compose'],
        ['deploy/docker-compose.prod.yml', 'compose'],
        ['docker-bake.hcl', 'bake'],
        ['docker-bake.override.json', 'bake'],
        ['.github/workflows/ci.yml', 'workflow'],
        ['.devcontainer/devcontainer.json', 'devcontainer'],
        ['Makefile', null],
        ['.gitlab-ci.yml', null],
        ['skaffold.yaml', null],
        ['values.yaml', null],
      ],
    );
    assert.deepEqual(['compose.yaml', 'compose.override.yml', 'compose.prod.yaml', 'docker-bake.hcl', 'docker-bake.ci.hcl'].map(isDefaultBuildFile), [true, true, false, true, false]);
  });

  it('compose: quoted, plain, interpolated and empty targets; the context or dockerfile field', () => {
    const compose = {
      path: 'compose.yaml',
      text: [
        'services:',
        '  api:',
        '    build:',
        '      context: ./api',
        '      target: "runtime"',
        '  web:',
        '    build: .',
        '  worker:',
        '    build:',
        '      dockerfile: worker.Dockerfile',
        '      target: ${WORKER_TARGET:-prod}',
        '  new:',
        '    build:',
        '      target:',
        '',
      ].join('\n'),
    };
    assert.deepEqual(fieldsOf(compose).fields, [
      { dockerfile: 'api/Dockerfile', target: 'runtime', label: 'service api', targetField: ['compose.yaml', 'runtime', true], dockerfileField: ['compose.yaml', './api', true], certain: true },
      { dockerfile: 'Dockerfile', target: null, label: 'service web', targetField: null, dockerfileField: ['compose.yaml', '.', true], certain: true },
      { dockerfile: 'worker.Dockerfile', target: 'prod', label: 'service worker', targetField: ['compose.yaml', '${WORKER_TARGET:-prod}', false], dockerfileField: ['compose.yaml', 'worker.Dockerfile', true], certain: true },
      { dockerfile: 'Dockerfile', target: null, label: 'service new', targetField: ['compose.yaml', '', true], dockerfileField: null, certain: true },
    ]);
  });

  it('compose: an override names the target of a build its base file defines; extends reads the other file', () => {
    const base = { path: 'app/compose.yaml', text: 'services:\n  api:\n    build:\n      context: ..\n      dockerfile: app/Dockerfile\n' };
    const override = { path: 'app/compose.override.yaml', text: 'services:\n  api:\n    build:\n      target: dev\n' };
    const extending = { path: 'app/compose.ci.yaml', text: 'services:\n  test:\n    extends:\n      file: compose.yaml\n      service: api\n' };
    assert.deepEqual(fieldsOf(override, [base, extending]).fields, [
      { dockerfile: 'app/Dockerfile', target: 'dev', label: 'service api', targetField: ['app/compose.override.yaml', 'dev', true], dockerfileField: ['app/compose.yaml', 'app/Dockerfile', true], certain: true },
    ]);
    assert.deepEqual(
      fieldsOf(extending, [base, override]).fields.map((f) => [f.label, f.dockerfile, f.dockerfileField]),
      [['service test', 'app/Dockerfile', ['app/compose.yaml', 'app/Dockerfile', true]]],
    );
  });

  it('Bake: a target inherited from another block and another file; JSON with escapes', () => {
    const hcl = { path: 'docker-bake.hcl', text: 'target "_base" {\n  target = "runtime"\n}\ntarget "app" {\n  inherits = ["_base"]\n  dockerfile = "Dockerfile"\n}\n' };
    assert.deepEqual(fieldsOf(hcl).fields, [
      { dockerfile: 'Dockerfile', target: 'runtime', label: 'target app', targetField: ['docker-bake.hcl', 'runtime', true], dockerfileField: ['docker-bake.hcl', 'Dockerfile', true], certain: true },
    ]);
    // The override's target wins; the Dockerfile stays the one the base file names.
    const override = { path: 'docker-bake.override.hcl', text: 'target "app" {\n  target = "dev"\n}\n' };
    assert.deepEqual(fieldsOf(override, [hcl]).fields, [
      { dockerfile: 'Dockerfile', target: 'dev', label: 'target app', targetField: ['docker-bake.override.hcl', 'dev', true], dockerfileField: ['docker-bake.hcl', 'Dockerfile', true], certain: true },
    ]);
    const json = { path: 'docker-bake.json', text: '{\n  "target": {\n    "app": { "target": "run\\u0074ime" },\n    "tool": { "target": "build", "dockerfile": "tools/Dockerfile" }\n  }\n}\n' };
    assert.deepEqual(fieldsOf(json, [], ['Dockerfile', 'tools/Dockerfile']).fields, [
      { dockerfile: 'Dockerfile', target: 'runtime', label: 'target app', targetField: ['docker-bake.json', 'run\\u0074ime', false], dockerfileField: null, certain: true },
      { dockerfile: 'tools/Dockerfile', target: 'build', label: 'target tool', targetField: ['docker-bake.json', 'build', true], dockerfileField: ['docker-bake.json', 'tools/Dockerfile', true], certain: true },
    ]);
  });

  it('workflows: build-push-action fields; a checkout into a sub-folder makes the path unsure', () => {
    const workflow = {
      path: '.github/workflows/release.yml',
      text: [
        'jobs:',
        '  image:',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '        with:',
        '          path: src',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          context: src',
        "          target: 'runtime'",
        '  matrix:',
        '    steps:',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          target: ${{ matrix.stage }}',
        '',
      ].join('\n'),
    };
    assert.deepEqual(fieldsOf(workflow).fields, [
      { dockerfile: 'src/Dockerfile', target: 'runtime', label: 'step docker/build-push-action', targetField: ['.github/workflows/release.yml', 'runtime', true], dockerfileField: ['.github/workflows/release.yml', 'src', true], certain: false },
      { dockerfile: 'Dockerfile', target: null, label: 'step docker/build-push-action', targetField: ['.github/workflows/release.yml', '${{ matrix.stage }}', false], dockerfileField: null, certain: true },
    ]);
  });

  it('dev containers: build.target and build.dockerfile, relative to the JSON file', () => {
    const devcontainer = { path: '.devcontainer/devcontainer.json', text: '{\n  // comments are allowed\n  "build": { "dockerfile": "../Dockerfile", "target": "dev", },\n}\n' };
    assert.deepEqual(fieldsOf(devcontainer).fields, [
      { dockerfile: 'Dockerfile', target: 'dev', label: 'dev container', targetField: ['.devcontainer/devcontainer.json', 'dev', true], dockerfileField: ['.devcontainer/devcontainer.json', '../Dockerfile', true], certain: true },
    ]);
  });

  it('scripts: the --target value on the command or its continuation lines', () => {
    const text = 'build:\n\tdocker build \\\n\t  --target=runtime \\\n\t  -t app .\n\tdocker build --target "tools" .\n';
    const at = (line: number, target: string) => {
      const span = scriptTargetSpan(text, line, target, 'Makefile');
      return span && [text.slice(span.start, span.end), span.literal];
    };
    assert.deepEqual([at(1, 'runtime'), at(4, 'tools'), at(4, 'runtime'), at(0, 'tools')], [['runtime', true], ['tools', true], null, null]);
  });

  it('build sites: compose services with build:, Bake targets (not the `_` ones); broken files give none', () => {
    assert.deepEqual(buildSites({ path: 'compose.yaml', text: 'services:\n  db:\n    image: postgres\n  "api":\n    build: .\n' }), [{ kind: 'compose-service', name: 'api', line: 3 }]);
    assert.deepEqual(buildSites({ path: 'docker-bake.hcl', text: 'target "_c" {\n}\n\ntarget "app" {\n  inherits = ["_c"]\n}\n' }), [{ kind: 'bake-target', name: 'app', line: 3 }]);
    assert.deepEqual(buildSites({ path: 'docker-bake.json', text: '{"target": {"app": {}, "_x": {}}}' }), [{ kind: 'bake-target', name: 'app', line: 0 }]);
    assert.deepEqual(buildSites({ path: 'docker-bake.hcl', text: 'target "app" {\n  target = "run' }), []);
    assert.deepEqual(buildSites({ path: 'compose.yaml', text: 'services: [\n' }), []);
    assert.deepEqual(fieldsOf({ path: 'compose.yaml', text: 'services:\n  api:\n    build: {\n' }).problems.length, 1);
  });
});
