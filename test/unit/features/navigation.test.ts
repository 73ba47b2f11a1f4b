import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { findDefinition } from '../../../server/src/features/definition';
import { findHighlights } from '../../../server/src/features/document-highlight';
import { findReferences } from '../../../server/src/features/references';
import { buildModel } from '../../../server/src/model/model-builder';
import { after, dockerfile, rangeOf } from '../../support/fixtures';

const text = dockerfile`
  FROM golang:1.23 AS build
  RUN go build -o /out/app .

  FROM build AS test
  RUN --mount=from=BUILD,target=/src go test ./...

  FROM alpine:3.20
  COPY --from=build /out/app /app
  COPY --from=0 /out/app /app2
  COPY --from=alpine:3.20 /etc/os-release /tmp/
`;
const model = buildModel(text);
const declaration = rangeOf(text, 'build', 0);

describe('definition, references and highlights', () => {
  it('goes from every kind of reference to the stage name', () => {
    assert.deepEqual(findDefinition(model, after(text, 'FROM build')), declaration);
    assert.deepEqual(findDefinition(model, after(text, 'from=BU')), declaration);
    assert.deepEqual(findDefinition(model, after(text, '--from=b')), declaration);
    assert.deepEqual(findDefinition(model, after(text, '--from=0')), declaration);
  });

  it('goes to the FROM keyword of an unnamed stage', () => {
    const m = buildModel('FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=0 /a /b\n');
    assert.deepEqual(findDefinition(m, { line: 2, character: 13 }), { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
  });

  it('finds nothing for images and plain text', () => {
    assert.equal(findDefinition(model, after(text, '--from=alp')), null);
    assert.equal(findDefinition(model, after(text, 'go bui')), null);
  });

  it('lists every reference, with and without the declaration', () => {
    const valueAfter = (prefix: string, value: string, occurrence = 0) => {
      const start = after(text, prefix, occurrence);
      return { start, end: { line: start.line, character: start.character + value.length } };
    };
    const references = [valueAfter('FROM ', 'build', 1), rangeOf(text, 'BUILD'), valueAfter('COPY --from=', 'build'), valueAfter('/app\nCOPY --from=', '0')];
    assert.deepEqual(findReferences(model, after(text, 'AS bu'), false), references);
    assert.deepEqual(findReferences(model, after(text, '--from=bu'), true), [declaration, ...references]);
  });

  it('highlights the declaration as a write and references as reads', () => {
    const highlights = findHighlights(model, after(text, 'FROM bu'));
    assert.deepEqual(highlights.map((h) => h.kind), [3, 2, 2, 2, 2]);
    assert.deepEqual(highlights[0]?.range, declaration);
  });
});
