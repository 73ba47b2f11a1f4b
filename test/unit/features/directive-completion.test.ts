import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { completeDirectives } from '../../../server/src/features/directive-completion';
import { buildModel } from '../../../server/src/model/model-builder';
import { withCursor } from '../../support/fixtures';
import { expandSnippet } from '../../support/snippets';

function complete(source: string) {
  const { text, position } = withCursor(source);
  return completeDirectives(buildModel(text), position);
}

describe('parser directive completion', () => {
  it('offers the directives on a # line at the top, each once', () => {
    const items = complete('# $0\nFROM alpine:3.20\n')?.items ?? [];
    assert.deepEqual(items.map((i) => i.label), ['syntax', 'escape', 'check']);
    assert.equal(expandSnippet(items[0]?.insertText ?? ''), 'syntax=docker/dockerfile:1');
    assert.equal(expandSnippet(items[1]?.insertText ?? ''), 'escape=`');
    assert.deepEqual(complete('# syntax=docker/dockerfile:1\n#es$0\nFROM alpine:3.20\n')?.items.map((i) => i.label), ['escape', 'check']);
  });

  it('offers nothing where BuildKit no longer reads directives', () => {
    assert.equal(complete('# a comment\n# $0\nFROM alpine:3.20\n'), null);
    assert.equal(complete('FROM alpine:3.20\n# $0\n'), null);
    assert.equal(complete('# syntax=docker/dockerfile:1\n\n# $0\n'), null);
  });
});
