import assert from '../../support/assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const matcher = manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === 'dockerfile-stages-build');
const pattern = new RegExp(matcher.pattern.regexp);

/** What BuildKit prints when a step fails (taken from a real build on the test engine). */
const FAILED_BUILD = `#6 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3
------
 > [3/3] RUN exit 3:
------
api.Dockerfile:3
--------------------
   1 |     FROM local/busybox:1 AS a
   3 | >>> RUN exit 3
--------------------
ERROR: failed to build: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3`;

describe('the build problem matcher', () => {
  it("finds BuildKit's Dockerfile:<line> location, and nothing else in the output", () => {
    const matches = FAILED_BUILD.split('\n').flatMap((line) => {
      const m = pattern.exec(line);
      return m ? [[m[matcher.pattern.file], m[matcher.pattern.line], m[matcher.pattern.message]]] : [];
    });
    assert.deepEqual(matches, [['api.Dockerfile', '3', 'api.Dockerfile:3']]);
    assert.deepEqual(['Dockerfile:12', 'docker/Containerfile.dev:4'].map((l) => pattern.exec(l)?.slice(2, 4)), [['Dockerfile', '12'], ['docker/Containerfile.dev', '4']]);
  });
});
