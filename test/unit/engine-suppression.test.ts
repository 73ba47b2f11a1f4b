import assert from '../support/assert';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/engine/lint';
import { buildModel } from '../../server/src/model/model-builder';
import { dockerfile } from '../support/fixtures';

import { RULES } from '../../server/src/rules/index';

/** Options that run only the named rules, so a new rule does not change what these tests see. */
const only = (...ruleIds: string[]) => ({
  severities: Object.fromEntries(RULES.filter((rule) => !ruleIds.includes(rule.id)).map((rule) => [rule.id, 'off' as const])),
});
const SUPPRESSION_RULES = only('image-unpinned', 'maintainer-deprecated', 'apt-lists-not-cleaned');
const ids = (text: string, options: { severities?: Record<string, 'off'>; target?: string } = SUPPRESSION_RULES) =>
  lint(buildModel(text), options).problems.map((p) => `${p.ruleId}@${p.range.start.line}`);

const base = dockerfile`
  FROM node AS deps
  MAINTAINER someone
  FROM deps
  USER node
`;

describe('suppression comments', () => {
  it('reports everything without comments', () => {
    assert.deepEqual(ids(base), ['maintainer-deprecated@1', 'image-unpinned@0']);
  });

  it('honours our comment on the line above an instruction, with a reason', () => {
    const text = `# dockerfile-stages ignore=image-unpinned,maintainer-deprecated # pinned by the CI\n${base}`;
    const result = lint(buildModel(text), SUPPRESSION_RULES);
    assert.deepEqual(result.problems.map((p) => p.ruleId), ['maintainer-deprecated']);
    assert.deepEqual(result.suppressed.map((s) => [s.problem.ruleId, s.by]), [['image-unpinned', { line: 0, reason: 'pinned by the CI' }]]);
  });

  it('skips blank and comment lines between the comment and its instruction, and covers continuation lines', () => {
    const text = dockerfile`
      FROM alpine:3.20
      # dockerfile-stages ignore=apt-lists-not-cleaned

      # installs tools
      RUN apt-get update \\
          && apt-get install -y --no-install-recommends curl
      RUN apt-get update
      CMD ["curl"]
    `;
    assert.deepEqual(ids(text), ['apt-lists-not-cleaned@6']);
  });

  it('honours ignore-file anywhere in the file', () => {
    assert.deepEqual(ids(`${base}# dockerfile-stages ignore-file=image-unpinned\n`), ['maintainer-deprecated@1']);
  });

  it("honours hadolint's ignore and global ignore for rules that mean the same", () => {
    assert.deepEqual(ids(`# hadolint ignore=DL3006\n${base}`), ['maintainer-deprecated@2']);
    assert.deepEqual(ids(`# hadolint global ignore=DL4000\n${base}`), ['image-unpinned@1']);
    // image-unpinned stands for both DL3006 and DL3007: either code silences it.
    assert.deepEqual(ids(`# hadolint global ignore=DL4000, DL3007\n${base}`), []);
  });

  it("honours BuildKit's check=skip directive for BuildKit-equivalent rules only", () => {
    assert.deepEqual(ids(`# check=skip=MaintainerDeprecated,StageNameCasing\n${base}`), ['image-unpinned@1']);
    assert.deepEqual(ids(`# check=skip=all;error=true\n${base}`), ['image-unpinned@1']);
  });

  it('does not let a comment reach past its instruction', () => {
    const text = `# dockerfile-stages ignore=image-unpinned\nFROM alpine:3.20\n${base}`;
    assert.deepEqual(ids(text), ['maintainer-deprecated@3', 'image-unpinned@2']);
  });
});

describe('the stage that ships', () => {
  const text = dockerfile`
    FROM debian:12-slim AS runtime
    RUN apt-get update && apt-get install -y curl
    CMD ["curl"]
    FROM runtime AS debug
    RUN apt-get update && apt-get install -y --no-install-recommends gdb
  `;
  it('is not a debug stage that happens to be last: the runtime stage ships, its layers are checked', () => {
    const apt = only('apt-lists-not-cleaned', 'apt-no-install-recommends');
    assert.deepEqual(ids(text, apt), ['apt-lists-not-cleaned@1', 'apt-no-install-recommends@1']);
  });

  it('is the chosen target otherwise, with the stages it is built FROM', () => {
    const apt = only('apt-lists-not-cleaned', 'apt-no-install-recommends');
    assert.deepEqual(ids(text, { ...apt, target: 'debug' }), ['apt-lists-not-cleaned@1', 'apt-lists-not-cleaned@4', 'apt-no-install-recommends@1']);
  });
});
