import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { computeShipping } from '../../../server/src/model/shipping';
import { buildModel } from '../../../server/src/model/model-builder';
import type { BuildFileDocument } from '../../../server/src/features/build-files/build-file';
import { checkBuildFile } from '../../../server/src/features/build-files/target-check';
import { completeTarget } from '../../../server/src/features/build-files/target-completion';
import { targetsNamingStage, unsureRenameMessage } from '../../../server/src/features/build-files/stage-targets';
import { referencesInFile } from '../../../server/src/workspace/build-files';

const DOCKERFILES: Record<string, string> = {
  'api/Dockerfile': 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20 AS runtime\nCOPY --from=build /app /app\nCMD ["/app"]\n',
  'web/Dockerfile': 'FROM node:22 AS build\nRUN npm run build\nFROM nginx:1.27 AS serve\nCOPY --from=build /dist /usr/share/nginx/html\n',
};

function documentOf(path: string, text: string): BuildFileDocument {
  const { references } = referencesInFile({ path, text }, [], (p) => p in DOCKERFILES);
  return {
    file: path,
    text,
    references,
    dockerfile: (p) => {
      const source = DOCKERFILES[p];
      if (source === undefined) return null;
      const model = buildModel(source);
      return { path: p, uri: `file:///w/${p}`, model, shipping: computeShipping(model) };
    },
  };
}

describe('build file targets', () => {
  const bake = 'target "_common" {\n  target = "runtime"\n}\ntarget "api" {\n  inherits = ["_common"]\n  context = "api"\n}\ntarget "web" {\n  inherits = ["_common"]\n  context = "web"\n}\n';

  it('a Bake field two targets inherit is checked against each Dockerfile', () => {
    const problems = checkBuildFile(documentOf('docker-bake.hcl', bake));
    assert.deepEqual(
      problems.map((p) => [p.code, p.start, p.end, p.message, p.replacement ?? null]),
      [['build-target-unknown', 31, 38, "'runtime' is no stage of web/Dockerfile (its stages: build, serve).", null]],
    );
  });

  it('completion there offers the stages of both Dockerfiles, saying whose', () => {
    const found = completeTarget(documentOf('docker-bake.hcl', bake), 32);
    assert.deepEqual(
      [...(found?.items ?? [])].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((item) => [item.label, item.detail]),
      [
        ['runtime', 'alpine:3.20 · runtime · api/Dockerfile'],
        ['serve', 'nginx:1.27 · base · web/Dockerfile'],
        ['build', 'golang:1.22 · builder · api/Dockerfile; web/Dockerfile'],
      ],
    );
  });

  it('a target written with variables stops a rename of any stage; a plain one is edited', () => {
    const compose = 'services:\n  a:\n    build:\n      context: api\n      target: build\n  b:\n    build:\n      context: api\n      target: ${T}\n';
    const { references } = referencesInFile({ path: 'compose.yaml', text: compose }, [], () => true);
    const { fields, unsure } = targetsNamingStage(references, 'BUILD');
    assert.deepEqual(fields.map((f) => compose.slice(f.start, f.end)), ['build']);
    assert.equal(
      unsureRenameMessage(unsure, 'build'),
      "compose.yaml line 9 (service b) names its target with variables, so a rename cannot tell whether it means 'build'. Write the name out there, or rename by hand.",
    );
    assert.equal(unsureRenameMessage(targetsNamingStage(references.slice(0, 1), 'build').unsure, 'build'), null);
  });
});
