import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { completeVariables } from '../../../server/src/features/variable-completion';
import { buildModel } from '../../../server/src/model/model-builder';
import { withCursor } from '../../support/fixtures';

function complete(source: string) {
  const { text, position } = withCursor(source);
  return completeVariables(buildModel(text), position);
}
const labels = (source: string) => complete(source)?.items.map((item) => item.label) ?? [];

describe('variable completion', () => {
  it('in FROM offers the global ARGs and the platform arguments', () => {
    const items = complete('ARG NODE_VERSION=20\nARG REGISTRY\nFROM --platform=$BUILD$0 node:${NODE_VERSION}\n')?.items ?? [];
    assert.deepEqual(items.slice(0, 2).map((i) => [i.label, i.detail]), [['NODE_VERSION', 'global ARG = 20'], ['REGISTRY', 'global ARG']]);
    assert.ok(items.some((i) => i.label === 'BUILDPLATFORM'));
  });

  it('in a stage offers what its ARG and ENV declared above, and the ENVs of the stage it is built FROM (ARGs end with their stage)', () => {
    const source = 'ARG GLOBAL=1\nFROM alpine:3.20 AS base\nENV APP_HOME=/srv/app\nARG VERSION\nFROM base\nENV PORT=8080 MODE=prod\nWORKDIR ${$0\nENV LATER=1\n';
    assert.deepEqual(labels(source), ['APP_HOME', 'PORT', 'MODE']);
    const item = complete(source)?.items.find((i) => i.label === 'APP_HOME');
    assert.equal(item?.detail, 'ENV = /srv/app (from stage base)');
    assert.equal(item?.insertText, 'APP_HOME}');
  });

  it('does not add a closing brace that is already there, nor complete after an escaped $ or in a comment', () => {
    assert.equal(complete('FROM alpine:3.20\nENV A=1\nWORKDIR ${$0}\n')?.items[0]?.insertText, 'A');
    assert.equal(complete('FROM alpine:3.20\nENV A=1\nRUN echo \\$$0\n'), null);
    assert.equal(complete('FROM alpine:3.20\n# $$0\n'), null);
  });
});
