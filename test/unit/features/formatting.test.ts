import assert from '../../support/assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatEdits } from '../../../server/src/features/formatting';
import { applyEdits } from '../../../server/src/engine/text-edits';
import { buildModel } from '../../../server/src/model/model-builder';
import type { DockerfileModel } from '../../../server/src/model/types';
import { anyDockerfile } from '../../support/arbitraries';

const spaces = { tabSize: 4, insertSpaces: true };
const format = (text: string, lines?: { first: number; last: number }) => applyEdits(text, formatEdits(buildModel(text), spaces, lines));

/**
 * What BuildKit reads: each instruction's keyword and argument values. (dockerfile-ast reads an
 * indented line after a blank line inside a continuation as an extra empty argument; blanks are
 * no argument to BuildKit, so empty ones are left out.)
 */
const meaning = (model: DockerfileModel) =>
  [...model.preamble, ...model.stages.flatMap((s) => s.instructions)].map((i) => [
    i.keyword,
    i.args.map((a) => a.value).filter((value) => value !== ''),
    i.flags.map((f) => [f.name, f.value]),
    i.jsonForm,
  ]);

describe('formatting', () => {
  it('upper-cases keywords, puts one space after them, indents continuations, trims trailing blanks', () => {
    const messy = [
      '# syntax=docker/dockerfile:1',
      '  from   golang:1.25 as build   ',
      'run    apk add --no-cache git \\',
      '  && go build \\',
      '        # a comment inside the continuation',
      '\t-o /out/app .',
      'COPY\t--from=build /out/app /app',
      'cmd ["/app",   "--port",  "8080"]',
      '',
    ].join('\n');
    assert.equal(
      format(messy),
      [
        '# syntax=docker/dockerfile:1',
        'FROM golang:1.25 as build',
        'RUN apk add --no-cache git \\',
        '    && go build \\',
        '    # a comment inside the continuation',
        '    -o /out/app .',
        'COPY --from=build /out/app /app',
        'CMD ["/app",   "--port",  "8080"]',
        '',
      ].join('\n'),
    );
  });

  it('never touches heredoc bodies, JSON arrays, comments between instructions or quoted continuations', () => {
    const text = [
      'FROM alpine:3.20',
      '   # an indented comment stays',
      'run <<EOF',
      '   echo "  indented body  "   ',
      'EOF',
      'LABEL description="first line \\',
      '      second line"',
      'ENTRYPOINT [ "sh", \\',
      '  "-c" ]',
      '',
    ].join('\n');
    assert.equal(
      format(text),
      ['FROM alpine:3.20', '   # an indented comment stays', 'RUN <<EOF', '   echo "  indented body  "   ', 'EOF', 'LABEL description="first line \\', '      second line"', 'ENTRYPOINT [ "sh", \\', '    "-c" ]', ''].join('\n'),
    );
  });

  it('adds no blank where a keyword runs straight into its escape', () => {
    const text = 'FROM alpine:3.20\nRUN\\\n  echo one\n';
    assert.equal(format(text), 'FROM alpine:3.20\nRUN\\\n    echo one\n');
    assert.equal(format(format(text)), format(text));
  });

  it('reads a backtick escape and CRLF line ends', () => {
    const text = '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nrun  echo one `\r\n      echo two\r\n';
    assert.equal(format(text), '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nRUN echo one `\r\n    echo two\r\n');
  });

  it('formats only the instructions in a range, with tabs when asked', () => {
    const text = 'from alpine:3.20\nrun echo a \\\n  b\nrun echo c\n';
    assert.equal(format(text, { first: 1, last: 1 }), 'from alpine:3.20\nRUN echo a \\\n    b\nrun echo c\n');
    assert.equal(applyEdits(text, formatEdits(buildModel(text), { tabSize: 4, insertSpaces: false })), 'FROM alpine:3.20\nRUN echo a \\\n\tb\nRUN echo c\n');
  });

  it('is idempotent and keeps what every instruction means, on random and randomly edited Dockerfiles', () => {
    fc.assert(
      fc.property(anyDockerfile, (text) => {
        const once = format(text);
        assert.equal(format(once), once, 'formatting twice changes more');
        assert.deepEqual(meaning(buildModel(once)), meaning(buildModel(text)));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1500) / 3 },
    );
  });
});
