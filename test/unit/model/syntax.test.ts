import assert from '../../support/assert';
import { describe, it } from 'node:test';
import { buildModel, ModelBuilder } from '../../../server/src/model/model-builder';
import type { DockerfileModel } from '../../../server/src/model/types';
import { dockerfile, rangeOf } from '../../support/fixtures';

const stageSummary = (model: DockerfileModel) =>
  model.stages.map((s) => ({ name: s.name, base: s.baseImage?.text ?? null, keywords: s.instructions.map((i) => i.keyword) }));

describe('stage model on real syntax', () => {
  it('reads parser directives and global ARGs before the first FROM', () => {
    const text = dockerfile`
      # syntax=docker/dockerfile:1.7
      # check=skip=JSONArgsRecommended
      ARG BASE=alpine:3.20
      ARG VERSION
      FROM \${BASE}
    `;
    const model = buildModel(text);
    assert.deepEqual(
      model.directives.map((d) => [d.name, d.value]),
      [['syntax', 'docker/dockerfile:1.7'], ['check', 'skip=JSONArgsRecommended']],
    );
    assert.deepEqual(model.directives[0]?.valueRange, rangeOf(text, 'docker/dockerfile:1.7'));
    assert.deepEqual(model.globalArgs.map((a) => [a.name, a.defaultValue]), [['BASE', 'alpine:3.20'], ['VERSION', null]]);
    assert.deepEqual(model.globalArgs[1]?.nameRange, rangeOf(text, 'VERSION'));
    assert.equal(model.stages.length, 1);
  });

  it('stops reading directives at the first line that is not one', () => {
    const model = buildModel('# a comment\n# escape=`\nFROM alpine\n');
    assert.deepEqual(model.directives, []);
    assert.equal(model.escapeChar, '\\');
  });

  it('uses a backtick escape for continuations in every stage', () => {
    const text = dockerfile`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build
      RUN powershell -Command \`
          Write-Host "C:\\path\\"
      FROM build AS final
      COPY --from=build C:\\out C:\\app
    `;
    const model = buildModel(text);
    assert.equal(model.escapeChar, '`');
    assert.deepEqual(stageSummary(model), [
      { name: 'build', base: 'mcr.microsoft.com/windows/servercore:ltsc2022', keywords: ['FROM', 'RUN'] },
      { name: 'final', base: 'build', keywords: ['FROM', 'COPY'] },
    ]);
    assert.equal(model.stages[0]?.instructions[1]?.range.end.line, 3);
    assert.deepEqual(model.stages[1]?.nameRange, rangeOf(text, 'final'));
  });

  it('ends an instruction at a line whose last escape is escaped, as BuildKit does (edited or not)', () => {
    const text = 'FROM alpine:3.20 AS build\nRUN echo a\\\\\nFROM build\nRUN echo b \\\\\\\nRUN echo c \\\\  \nCOPY x /x\n';
    const lines = (model: ReturnType<typeof buildModel>) => model.stages.map((stage) => stage.instructions.map((i) => `${i.keyword}@${i.range.start.line}-${i.range.end.line}`));
    const expected = [['FROM@0-0', 'RUN@1-1'], ['FROM@2-2', 'RUN@3-3', 'RUN@4-4', 'COPY@5-5']];
    assert.deepEqual(lines(buildModel(text)), expected);
    // The same after an edit, where unchanged instructions are taken from the last parse.
    const builder = new ModelBuilder();
    builder.build(text.replace('echo c', 'echo C'));
    assert.deepEqual(lines(builder.build(text)), expected);
    // One escape still continues.
    assert.deepEqual(lines(buildModel('FROM alpine:3.20\nRUN echo a \\\n  b\n')), [['FROM@0-0', 'RUN@1-2']]);
  });

  it('keeps comment and blank lines inside a continuation in the instruction', () => {
    const text = dockerfile`
      FROM debian:12 AS base
      RUN apt-get update \\
          # keep the lists small

          && apt-get install -y curl
      FROM base
    `;
    const model = buildModel(text);
    const run = model.stages[0]?.instructions[1];
    assert.equal(run?.keyword, 'RUN');
    assert.equal(run?.range.start.line, 1);
    assert.equal(run?.range.end.line, 4);
    assert.equal(model.stages.length, 2);
    assert.equal(model.stages[1]?.from.range.start.line, 5);
  });

  it('does not start a stage at a FROM line inside a heredoc', () => {
    const text = dockerfile`
      FROM alpine:3.20 AS gen
      RUN <<EOF
      echo "FROM scratch" > Dockerfile.generated
      FROM not-a-stage
      EOF
      COPY <<-"EOT" /etc/motd
      	FROM still-text
      	EOT
      FROM gen AS out
    `;
    const model = buildModel(text);
    assert.deepEqual(stageSummary(model), [
      { name: 'gen', base: 'alpine:3.20', keywords: ['FROM', 'RUN', 'COPY'] },
      { name: 'out', base: 'gen', keywords: ['FROM'] },
    ]);
    const copy = model.stages[0]?.instructions[2];
    assert.equal(copy?.heredocs[0]?.name, 'EOT');
    assert.equal(copy?.heredocs[0]?.delimiterRange?.start.line, 7);
  });

  it('reads several heredocs in one instruction, and RUN <<EOT bash', () => {
    const text = dockerfile`
      FROM alpine:3.20
      COPY <<A <<B /dst/
      one
      A
      two
      B
      RUN <<EOT bash
      set -e
      echo hi
      EOT
      FROM alpine:3.20 AS second
    `;
    const model = buildModel(text);
    const [, copy, run] = model.stages[0]?.instructions ?? [];
    assert.deepEqual(copy?.heredocs.map((h) => [h.name, h.delimiterRange?.start.line]), [['A', 3], ['B', 5]]);
    assert.deepEqual(copy?.args.map((a) => a.value), ['<<A', '<<B', '/dst/']);
    assert.deepEqual(run?.heredocs.map((h) => h.name), ['EOT']);
    assert.deepEqual(run?.args.map((a) => a.value), ['<<EOT', 'bash']);
    assert.equal(model.stages[1]?.name, 'second');
  });

  it('keeps heredoc bodies out of the arguments in a later stage too', () => {
    const model = buildModel('FROM alpine AS a\n\nFROM a\nCOPY <<EOF /etc/conf\nport=1\nEOF\n');
    assert.deepEqual(model.stages[1]?.instructions[1]?.args.map((a) => a.value), ['<<EOF', '/etc/conf']);
  });

  it('reports an unterminated heredoc and keeps the rest as its body', () => {
    const model = buildModel('FROM alpine\nRUN <<EOF\necho one\nFROM alpine AS never\n');
    assert.equal(model.stages.length, 1);
    assert.deepEqual(model.problems.map((p) => [p.code, p.range.start.line, p.range.start.character]), [['unterminated-heredoc', 1, 4]]);
  });

  it('reads CRLF line endings with exact positions', () => {
    const text = 'FROM node:20-alpine AS deps\r\nRUN npm ci\r\n\r\nFROM deps AS app\r\nCOPY --from=deps /a /b\r\n';
    const model = buildModel(text);
    assert.deepEqual(stageSummary(model), [
      { name: 'deps', base: 'node:20-alpine', keywords: ['FROM', 'RUN'] },
      { name: 'app', base: 'deps', keywords: ['FROM', 'COPY'] },
    ]);
    assert.deepEqual(model.stages[1]?.nameRange, { start: { line: 3, character: 13 }, end: { line: 3, character: 16 } });
    assert.deepEqual(model.references[1]?.range, { start: { line: 4, character: 12 }, end: { line: 4, character: 16 } });
  });

  it('reads tabs, lower-case instructions and a lower-case AS', () => {
    const text = 'from\tgolang:1.23\tas\tBuilder\n\trun go build\nfrom alpine:3.20\ncopy --from=builder /x /y\n';
    const model = buildModel(text);
    assert.equal(model.stages[0]?.name, 'Builder');
    assert.equal(model.stages[0]?.normalizedName, 'builder');
    assert.deepEqual(model.stages[0]?.instructions.map((i) => i.keyword), ['FROM', 'RUN']);
    assert.deepEqual(model.references[0]?.resolution, { kind: 'stage', stage: 0, byIndex: false });
  });

  it('marks JSON (exec) forms', () => {
    const model = buildModel('FROM alpine\nCMD ["echo", "hi"]\nENTRYPOINT /bin/sh -c x\nRUN ["<<EOF"]\n');
    assert.deepEqual(model.stages[0]?.instructions.map((i) => [i.keyword, i.jsonForm]), [
      ['FROM', false],
      ['CMD', true],
      ['ENTRYPOINT', false],
      ['RUN', true],
    ]);
    assert.deepEqual(model.problems, []);
  });

  it('keeps FROM ${BASE} with and without an ARG default as an image with variables', () => {
    const model = buildModel('ARG BASE=alpine\nARG TAG\nFROM ${BASE}:${TAG:-3.20} AS a\nFROM $BASE\n');
    assert.equal(model.stages[0]?.baseImage?.hasVariables, true);
    assert.equal(model.stages[0]?.baseImage?.tag?.value, '${TAG:-3.20}');
    assert.equal(model.stages[1]?.baseImage?.text, '$BASE');
    assert.deepEqual(model.references, []);
  });

  it('reads --platform=$BUILDPLATFORM on FROM', () => {
    const text = 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n';
    const model = buildModel(text);
    assert.deepEqual(model.stages[0]?.platform, { value: '$BUILDPLATFORM', range: rangeOf(text, '$BUILDPLATFORM') });
    assert.equal(model.stages[0]?.baseImage?.text, 'golang:1.23');
    assert.equal(model.stages[0]?.name, 'build');
  });

  it('reads COPY --link, COPY --parents and ADD with a git URL and --checksum', () => {
    const text = dockerfile`
      FROM alpine:3.20 AS src
      ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tar.gz /a.tar.gz
      ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.14.1 /buildkit
      FROM alpine:3.20
      COPY --link --from=src /a.tar.gz /
      COPY --parents ./x/**/package.json /app/
    `;
    const model = buildModel(text);
    const [add1, add2] = model.stages[0]?.instructions.slice(1) ?? [];
    assert.equal(add1?.flags[0]?.name, 'checksum');
    assert.equal(add1?.args[0]?.value, 'https://example.com/a.tar.gz');
    assert.equal(add2?.args[0]?.value, 'https://github.com/moby/buildkit.git#v0.14.1');
    const [copy1, copy2] = model.stages[1]?.instructions.slice(1) ?? [];
    assert.deepEqual(copy1?.flags.map((f) => f.name), ['link', 'from']);
    assert.deepEqual(copy2?.flags.map((f) => f.name), ['parents']);
    assert.equal(model.references.length, 1);
    assert.deepEqual(model.references[0]?.range, rangeOf(text, 'src', 1));
  });

  it('gives a partial model for half-typed lines', () => {
    const model = buildModel('FROM\nFROM alpine AS\nCOPY --from=\nRUN --mount=type=cache,from=\n');
    assert.equal(model.stages.length, 2);
    assert.equal(model.stages[0]?.baseImage, null);
    assert.equal(model.stages[1]?.name, null);
  });

  it('reads a lone CR as a line break, as LSP and VS Code do', () => {
    const model = buildModel('FROM alpine AS a\rRUN echo\r\nFROM a\n');
    assert.deepEqual(model.lineStarts, [0, 17, 27, 34]);
    assert.deepEqual(model.stages.map((s) => [s.name, s.from.range.start.line]), [['a', 0], [null, 2]]);
  });

  it('survives what dockerfile-ast throws on (regression: RUN <<EOT bash, a lone escape line, a tab-indented EOT)', () => {
    const model = buildModel('RUN <<EOT bash\n\\\n\tEOT\nFROM golang:1.23 AS build');
    assert.deepEqual(model.preamble.map((i) => i.keyword), ['RUN']);
    assert.deepEqual(model.problems.map((p) => p.code), ['unterminated-heredoc']);
  });

  it('handles an empty document and one without any FROM', () => {
    assert.deepEqual(buildModel('').stages, []);
    const model = buildModel('ARG A=1\n# nothing else\n');
    assert.deepEqual(model.stages, []);
    assert.deepEqual(model.globalArgs.map((a) => a.name), ['A']);
  });
});
