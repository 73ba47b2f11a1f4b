import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { completeFlags } from '../../../server/src/features/flag-completion';
import { buildModel } from '../../../server/src/model/model-builder';
import { withCursor } from '../../support/fixtures';

function complete(source: string) {
  const { text, position } = withCursor(source);
  return completeFlags(buildModel(text), position);
}
const labels = (source: string) => complete(source)?.items.map((item) => item.label) ?? [];
const stage = 'FROM alpine:3.20 AS base\n';

describe('flag completion', () => {
  it('offers the flags of each instruction, leaving out those already written', () => {
    assert.deepEqual(labels(`${stage}COPY --$0`), ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude']);
    assert.deepEqual(labels(`${stage}COPY --link --ch$0`), ['--from', '--chown', '--chmod', '--parents', '--exclude']);
    assert.deepEqual(labels(`${stage}ADD -$0`), ['--chown', '--chmod', '--link', '--checksum', '--keep-git-dir', '--exclude', '--unpack']);
    assert.deepEqual(labels(`FROM --$0`), ['--platform']);
    assert.deepEqual(labels(`${stage}HEALTHCHECK --interval=30s --$0`), ['--timeout', '--start-period', '--start-interval', '--retries']);
    assert.deepEqual(labels(`${stage}RUN --mount=type=cache,target=/x --$0`), ['--mount', '--network', '--security', '--device']);
  });

  it('replaces what was typed, and asks for the value right away', () => {
    const result = complete(`${stage}COPY --ch$0 a b`);
    assert.deepEqual(result?.replace, { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } });
    const chown = result?.items.find((item) => item.label === '--chown');
    assert.equal(chown?.insertText, '--chown=');
    assert.equal(chown?.command?.command, 'editor.action.triggerSuggest');
    assert.equal(result?.items.find((item) => item.label === '--link')?.insertText, '--link');
  });

  it('offers the values of --network and --security', () => {
    assert.deepEqual(labels(`${stage}RUN --network=$0`), ['default', 'none', 'host']);
    assert.deepEqual(labels(`${stage}RUN --security=i$0`), ['sandbox', 'insecure']);
  });

  it('offers RUN --mount types, then the options of the chosen type, then their values', () => {
    assert.deepEqual(labels(`${stage}RUN --mount=$0`), ['type']);
    assert.deepEqual(labels(`${stage}RUN --mount=type=$0`), ['bind', 'cache', 'secret', 'ssh', 'tmpfs']);
    assert.deepEqual(labels(`${stage}RUN --mount=type=cache,$0`), ['target', 'id', 'sharing', 'from', 'source', 'mode', 'uid', 'gid', 'ro']);
    assert.deepEqual(labels(`${stage}RUN --mount=type=cache,target=/root/.npm,$0`), ['id', 'sharing', 'from', 'source', 'mode', 'uid', 'gid', 'ro']);
    assert.deepEqual(labels(`${stage}RUN --mount=type=secret,$0`), ['id', 'target', 'env', 'required', 'mode', 'uid', 'gid']);
    assert.deepEqual(labels(`${stage}RUN --mount=type=cache,sharing=$0`), ['shared', 'private', 'locked']);
  });

  it('works on a continuation line, and offers nothing after the arguments began or for other instructions', () => {
    assert.deepEqual(labels(`${stage}RUN --mount=type=cache,target=/x \\\n    --$0`), ['--mount', '--network', '--security', '--device']);
    assert.deepEqual(labels(`${stage}COPY src/ --$0`), []);
    assert.deepEqual(labels(`${stage}WORKDIR --$0`), []);
    assert.deepEqual(labels(`${stage}RUN echo --$0`), []);
  });
});
