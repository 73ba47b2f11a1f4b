import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { semanticTokens } from '../../../server/src/features/semantic-tokens';
import { buildModel } from '../../../server/src/model/model-builder';

/** Each token as `line:text type` for readable expectations. */
function tokensOf(text: string, first?: number, last?: number): string[] {
  const lines = text.split('\n');
  return semanticTokens(buildModel(text), first, last).map(
    (t) => `${t.line}:${lines[t.line]?.slice(t.character, t.character + t.length)} ${t.type}${t.declaration ? '+declaration' : ''}`,
  );
}

describe('semantic tokens', () => {
  const text = [
    'ARG BASE=alpine:3.20',
    'FROM --platform=$BUILDPLATFORM ${BASE} AS build',
    'RUN --mount=type=cache,target=/root/.cache echo $HOME',
    'FROM build AS test',
    'FROM alpine:3.20',
    'COPY --from=build --chown=app /out /out',
    'RUN --mount=from=test,target=/t ls',
    'RUN <<EOF',
    'echo $NOT_A_TOKEN_IN_A_BODY',
    'EOF',
  ].join('\n');

  it('marks stage names (declarations and every kind of reference), variables and flags, in document order', () => {
    assert.deepEqual(tokensOf(text), [
      '1:--platform parameter',
      '1:$BUILDPLATFORM variable',
      '1:${BASE} variable',
      '1:build class+declaration',
      '2:--mount parameter',
      '2:$HOME variable',
      '3:build class',
      '3:test class+declaration',
      '5:--from parameter',
      '5:build class',
      '5:--chown parameter',
      '6:--mount parameter',
      '6:test class',
    ]);
  });

  it('gives only the lines asked for', () => {
    assert.deepEqual(tokensOf(text, 3, 3), ['3:build class', '3:test class+declaration']);
  });
});
