import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { hover } from '../../../server/src/features/hover';
import { buildModel } from '../../../server/src/model/model-builder';
import { withCursor } from '../../support/fixtures';

function hoverText(source: string) {
  const { text, position } = withCursor(source);
  const result = hover(buildModel(text), position);
  return result && typeof result.contents === 'object' && 'value' in result.contents ? { value: result.contents.value, range: result.range } : null;
}

describe('hover on instructions, flags and mount options', () => {
  it('explains an instruction keyword, with a link to the reference', () => {
    const card = hoverText('FROM alpine:3.20\nWOR$0KDIR /app\n');
    assert.equal(card?.value, '**WORKDIR** — Sets the working directory for the instructions that follow (created when missing).\n\n[Dockerfile reference](https://docs.docker.com/reference/dockerfile/#workdir)');
    assert.deepEqual(card?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
  });

  it('explains a flag, a mount type and a mount option of its type', () => {
    assert.match(hoverText('FROM alpine:3.20\nCOPY --ch$0own=app:app a b\n')?.value ?? '', /^\*\*COPY --chown\*\* — Owner/);
    assert.match(hoverText('FROM alpine:3.20\nRUN --mount=type=ca$0che,target=/x ls\n')?.value ?? '', /^\*\*type=cache\*\* — A cache directory/);
    assert.match(hoverText('FROM alpine:3.20\nRUN --mount=type=cache,sha$0ring=locked,target=/x ls\n')?.value ?? '', /^\*\*sharing\*\* \(`--mount=type=cache`\) — `shared`/);
    assert.match(hoverText('FROM alpine:3.20\nRUN --mount=type=secret,id=t,e$0nv=TOKEN ls\n')?.value ?? '', /environment variable/);
  });

  it('says nothing on arguments', () => {
    assert.equal(hoverText('FROM alpine:3.20\nWORKDIR /a$0pp\n'), null);
  });
});
