import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { prepareRename, renameStage } from '../../../server/src/features/rename';
import { buildModel } from '../../../server/src/model/model-builder';
import { after, dockerfile, rangeOf } from '../../support/fixtures';
import type { TextEdit } from 'vscode-languageserver-types';

const text = dockerfile`
  FROM golang:1.23 AS Build
  RUN go build -o /out/app .
  FROM build AS test
  RUN --mount=from=build,target=/src go test ./...
  FROM alpine:3.20 AS runtime
  COPY --from=BUILD /out/app /app
  COPY --from=0 /out/app /app2
  COPY --from=busybox /bin/busybox /bin/
`;
const model = buildModel(text);

/** Applies edits (non-overlapping) to the text, last first. */
function apply(source: string, edits: TextEdit[]): string {
  const lines = source.split('\n');
  const sortedEdits = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const edit of sortedEdits) {
    const line = lines[edit.range.start.line] as string;
    lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
  }
  return lines.join('\n');
}

describe('rename a stage', () => {
  it('prepares on the declaration and on by-name references', () => {
    assert.deepEqual(prepareRename(model, after(text, 'AS Bu')), { range: rangeOf(text, 'Build'), placeholder: 'Build' });
    assert.deepEqual(prepareRename(model, after(text, '--from=BU')), { range: rangeOf(text, 'BUILD'), placeholder: 'BUILD' });
  });

  it('refuses numeric references, images and plain text with a clear reason', () => {
    assert.deepEqual(prepareRename(model, after(text, '--from=0')), {
      error: "'0' refers to stage 'Build' by index; rename the stage at its name instead.",
    });
    assert.deepEqual(prepareRename(model, after(text, 'FROM alp')), { error: "'alpine:3.20' is an image, not a stage; only stage names can be renamed." });
    assert.equal(prepareRename(model, after(text, 'go bu')), null);
  });

  it('updates the declaration and every by-name reference, whatever their case, and leaves indexes alone', () => {
    const result = renameStage(model, after(text, '--from=BU'), 'compile');
    assert.ok('edits' in result);
    assert.equal(
      apply(text, result.edits),
      dockerfile`
        FROM golang:1.23 AS compile
        RUN go build -o /out/app .
        FROM compile AS test
        RUN --mount=from=compile,target=/src go test ./...
        FROM alpine:3.20 AS runtime
        COPY --from=compile /out/app /app
        COPY --from=0 /out/app /app2
        COPY --from=busybox /bin/busybox /bin/
      `,
    );
  });

  it('refuses invalid, reserved, duplicate and capturing names', () => {
    const at = after(text, 'AS Bu');
    assert.deepEqual(renameStage(model, at, 'my stage'), {
      error: "'my stage' is not a valid stage name: start with a letter, then use letters, digits, '-', '_' or '.'.",
    });
    assert.deepEqual(renameStage(model, at, 'scratch'), { error: "'scratch' is a name BuildKit reserves; a stage should not use it." });
    assert.deepEqual(renameStage(model, at, 'Runtime'), { error: "A stage named 'runtime' already exists (line 5)." });
    assert.deepEqual(renameStage(model, at, 'busybox'), {
      error: "Renaming to 'busybox' would change what line 8 copies from (today the image 'busybox').",
    });
  });

  it('allows a change of case only', () => {
    const result = renameStage(model, after(text, 'AS Bu'), 'build');
    assert.ok('edits' in result && result.edits.length === 4);
  });
});

describe('rename a stage to a name a later FROM uses as an image', () => {
  it('refuses, since that FROM would build on the stage instead', () => {
    const m = buildModel('FROM golang:1.23 AS build\nFROM alpine:3.20\nFROM tools AS t\n');
    assert.deepEqual(renameStage(m, { line: 0, character: 21 }, 'tools'), {
      error: "Renaming to 'tools' would make line 3 build on this stage instead of the image 'tools'.",
    });
  });
});
