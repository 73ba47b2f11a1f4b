import assert from '../../support/assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatEdits } from '../../../server/src/features/formatting';
import { applyEdits } from '../../../server/src/engine/text-edits';
import { buildModel } from '../../../server/src/model/model-builder';
import type { DockerfileModel } from '../../../server/src/model/types';
import { lint } from '../../../server/src/engine/lint';
import { anyDockerfile } from '../../support/arbitraries';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS } from '../../support/third-party';

/** Every Dockerfile the project holds (examples, fixtures) and the real-world corpus when it is there. */
function projectDockerfiles(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/(^|[._-])(dockerfile|containerfile)([._-]|$)/i.test(name) && !/\.dockerignore$/.test(name)) found.push(file);
    }
  };
  for (const root of ['examples', 'test/fixtures', 'test/e2e/ui', CORPUS]) if (existsSync(root)) walk(root);
  return found.sort();
}

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
    // BuildKit reads FROM's `AS` in any case; formatting writes it as `FROM` is written.
    i.args.map((a, n) => (i.keyword === 'FROM' && n === 1 && a.value.toLowerCase() === 'as' ? 'AS' : a.value)).filter((value) => value !== ''),
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
        'FROM golang:1.25 AS build',
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

  it('writes AS in the case of FROM', () => {
    assert.equal(format('from local/busybox:1 as Tools\nFROM tools As t2\n'), 'FROM local/busybox:1 AS Tools\nFROM tools AS t2\n');
  });

  it('leaves no problem that was not there before, on every example, fixture and real-world Dockerfile', () => {
    const files = projectDockerfiles();
    assert.ok(files.length > 150, `${files.length} files`);
    const counts = (text: string) => {
      const byRule = new Map<string, number>();
      for (const problem of lint(buildModel(text), {}).problems) byRule.set(problem.ruleId, (byRule.get(problem.ruleId) ?? 0) + 1);
      return byRule;
    };
    const worse: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const before = counts(text);
      for (const [rule, count] of counts(format(text))) if (count > (before.get(rule) ?? 0)) worse.push(`${file}: ${rule} ${before.get(rule) ?? 0} → ${count}`);
    }
    assert.deepEqual(worse, []);
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
