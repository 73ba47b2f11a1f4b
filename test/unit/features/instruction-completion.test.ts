import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { completeInstructions } from '../../../server/src/features/instruction-completion';
import { buildModel } from '../../../server/src/model/model-builder';
import { withCursor } from '../../support/fixtures';
import { expandSnippet } from '../../support/snippets';

function complete(source: string) {
  const { text, position } = withCursor(source);
  return completeInstructions(buildModel(text), position);
}
const labels = (source: string) => complete(source)?.items.map((item) => item.label) ?? [];

describe('instruction completion', () => {
  it('offers only ARG and FROM before the first FROM (and the named-stage piece)', () => {
    assert.deepEqual(labels('# syntax=docker/dockerfile:1\n$0\n'), ['ARG', 'FROM', 'stage']);
    assert.deepEqual(labels('ARG VERSION=1\nF$0\nFROM alpine:3.20\n'), ['ARG', 'FROM', 'stage']);
  });

  it('offers the snippet pieces where an instruction starts, and nowhere inside one', () => {
    const pieces = (source: string) => complete(source)?.items.filter((item) => item.kind === 15).map((item) => item.label) ?? [];
    assert.ok(pieces('FROM alpine:3.20 AS base\n$0\n').includes('secret-mount'));
    assert.deepEqual(pieces('FROM alpine:3.20 AS base\nRUN --mount=$0\n'), []);
    assert.deepEqual(pieces('FROM alpine:3.20 AS base\nCOPY --$0\n'), []);
  });

  it('offers every instruction in a stage, with a snippet for its arguments and a line of doc', () => {
    const result = complete('FROM alpine:3.20 AS base\nWO$0\n');
    assert.deepEqual(result?.replace, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
    const workdir = result?.items.find((item) => item.label === 'WORKDIR');
    assert.equal(workdir?.insertText, 'WORKDIR ${1:/app}');
    assert.equal(workdir?.insertTextFormat, 2);
    assert.match(workdir?.detail ?? '', /working directory/);
    assert.equal(result?.items.filter((item) => item.kind === 14).length, 17);
  });

  it('follows lowercase when the user types in lowercase', () => {
    const item = complete('FROM alpine:3.20\nru$0\n')?.items.find((i) => i.label === 'run');
    assert.equal(item?.insertText, 'run ${1:command}');
  });

  it('offers COPY --from= with a choice of the earlier named stages, nearest first', () => {
    const source = 'FROM golang:1.23 AS build\nFROM node:20 AS assets\nFROM alpine:3.20\nFROM alpine:3.20 AS runtime\n$0\n';
    const copy = complete(source)?.items[0];
    assert.equal(copy?.label, 'COPY --from=…');
    assert.equal(copy?.insertText, 'COPY --from=${1|assets,build|} ${2:/src} ${3:/dest}');
    assert.equal(expandSnippet(copy?.insertText ?? ''), 'COPY --from=assets /src /dest');
    assert.equal(labels('FROM alpine:3.20 AS only\n$0\n')[0], 'FROM');
  });

  it('offers nothing inside an instruction, its continuation or its heredoc body, nor after a keyword', () => {
    assert.deepEqual(labels('FROM alpine:3.20\nRUN echo a \\\n  $0\n'), []);
    assert.deepEqual(labels('FROM alpine:3.20\nRUN <<EOF\n$0\nEOF\n'), []);
    assert.deepEqual(labels('FROM alpine:3.20\nRUN $0\n'), []);
    assert.deepEqual(labels('FROM alpine:3.20\nCOPY --from=$0\n'), []);
  });
});
