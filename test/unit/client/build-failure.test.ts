import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { failureMessage, readBuildFailure } from '../../../client/src/build/build-failure';

/** What docker build 28 (BuildKit 0.23) printed on the test rig for each failure. */
const FAILED_RUN = [
  '#5 [build 2/3] RUN echo one',
  '#5 0.105 one',
  '#5 DONE 0.1s',
  '',
  '#6 [build 3/3] RUN echo failing && false',
  '#6 0.121 failing',
  '#6 ERROR: process "/bin/sh -c echo failing && false" did not complete successfully: exit code: 1',
  '------',
  ' > [build 3/3] RUN echo failing && false:',
  '0.121 failing',
  '------',
  'Dockerfile:3',
  '--------------------',
  '   1 |     FROM local/busybox:1 AS build',
  '   2 |     RUN echo one',
  '   3 | >>> RUN echo failing && false',
  '   4 |     FROM build',
  '--------------------',
  'ERROR: failed to build: failed to solve: process "/bin/sh -c echo failing && false" did not complete successfully: exit code: 1',
  '',
].join('\n');

const BAD_MOUNT = [
  '#3 DONE 0.0s',
  'api.Dockerfile:2',
  '--------------------',
  '   1 |     FROM local/busybox:1 AS build',
  '   2 | >>> RUN --mount=type=bogus echo one',
  '--------------------',
  'ERROR: failed to build: failed to solve: unsupported mount type "bogus"',
].join('\n');

const MISSING_FILE = [
  '#6 [2/2] COPY missing.txt /x',
  '#6 ERROR: failed to calculate checksum of ref 182a::qgum: "/missing.txt": not found',
  '------',
  ' > [2/2] COPY missing.txt /x:',
  '------',
  '/work/app/Dockerfile:2-3',
  '--------------------',
  'ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref 182a::qgum: "/missing.txt": not found',
].join('\r\n');

describe('reading a failed build', () => {
  it("names the step, BuildKit's error and the step's last output, on the line BuildKit points at", () => {
    const failure = readBuildFailure(FAILED_RUN, 'Dockerfile');
    assert.deepEqual(failure, {
      line: 3,
      endLine: 3,
      step: '[build 3/3] RUN echo failing && false',
      error: 'process "/bin/sh -c echo failing && false" did not complete successfully: exit code: 1',
      output: ['failing'],
    });
    assert.equal(failureMessage(failure!), '[build 3/3] RUN echo failing && false failed: process "/bin/sh -c echo failing && false" did not complete successfully: exit code: 1\nfailing');
  });

  it('reads a Dockerfile error with no step, a file given by path, a range of lines and CRLF', () => {
    assert.deepEqual(readBuildFailure(BAD_MOUNT, 'api.Dockerfile'), { line: 2, endLine: 2, step: null, error: 'unsupported mount type "bogus"', output: [] });
    const missing = readBuildFailure(MISSING_FILE, 'Dockerfile');
    assert.deepEqual([missing?.line, missing?.endLine, missing?.step, missing?.error], [2, 3, '[2/2] COPY missing.txt /x', 'failed to calculate checksum of ref 182a::qgum: "/missing.txt": not found']);
  });

  it('says nothing when no line of this file is named, or nothing failed', () => {
    assert.equal(readBuildFailure(FAILED_RUN, 'Other.Dockerfile'), null);
    assert.equal(readBuildFailure('#1 DONE 0.0s\nwriting image sha256:abc done\n', 'Dockerfile'), null);
    assert.equal(readBuildFailure('ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock\n', 'Dockerfile'), null);
  });
});
