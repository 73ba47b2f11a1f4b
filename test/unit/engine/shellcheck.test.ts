import { describe, it } from 'node:test';
import assert from '../../support/assert';
import { builtInFacts } from '../../../server/src/images/image-facts';
import { shDialectOf } from '../../../server/src/images/sh-dialect';
import { shellCheckInputs, shellCheckProblems, type ShellCheckComment } from '../../../server/src/engine/shellcheck';
import { buildModel } from '../../../server/src/model/model-builder';
import { parsePlatform } from '../../../server/src/words/platform';

const facts = (image: string) => builtInFacts(image);
const inputsOf = (text: string, platform = 'linux/arm64') => {
  const model = buildModel(text);
  return { model, inputs: shellCheckInputs(model, facts, parsePlatform(platform) ?? undefined) };
};
/** The declarations line ShellCheck reads before the script, as `NAME=value` words. */
const declared = (text: string, names: string[]) => {
  const header = inputsOf(text).inputs[0]?.text.split('\n')[0] ?? '';
  return names.map((name) => new RegExp(`(?:^export | )${name}=('(?:[^']|'\\\\'')*'|\\S*)`).exec(header)?.[0].trim().replace(/^export /, '') ?? `${name} undeclared`);
};

describe('what ShellCheck is given', () => {
  it('declares the values the build gives: plain defaults as they are, lists and unknown values as a word, blanks as written', () => {
    const text = [
      'FROM debian:12',
      'ARG VERSION=1.2.3',
      'ARG BUILD_DEPS="gcc make libc-dev"',
      'ARG TOKEN',
      'ENV APP_DIR="/opt/my app"',
      'ARG TARGETARCH',
      'RUN echo $VERSION $BUILD_DEPS $TOKEN $TARGETARCH && cd $APP_DIR',
      '',
    ].join('\n');
    assert.deepEqual(declared(text, ['VERSION', 'BUILD_DEPS', 'TOKEN', 'APP_DIR', 'TARGETARCH', 'TARGETOS']), [
      'VERSION=1.2.3',
      'BUILD_DEPS=x',
      'TOKEN=x',
      "APP_DIR='/opt/my app'",
      'TARGETARCH=arm64',
      // Automatic arguments not declared in the stage are empty there; undefined-var says so.
      'TARGETOS=x',
    ]);
  });

  it('checks each RUN in the shell its image runs: dash on Debian, ash on Alpine, bash on the RHEL family and under SHELL', () => {
    const shellOf = (text: string) => inputsOf(text).inputs.map((input) => input.shell);
    assert.deepEqual(shellOf('FROM debian:12\nRUN echo a\n'), ['dash']);
    assert.deepEqual(shellOf('FROM node:20-alpine\nRUN echo a\n'), ['ash']);
    assert.deepEqual(shellOf('FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN echo a\n'), ['bash']);
    assert.deepEqual(shellOf('FROM python:3.12\nRUN echo a\n'), ['dash']);
    assert.deepEqual(shellOf('FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo a\n'), ['bash']);
    assert.deepEqual(shellOf('FROM example.com/team/base:1\nRUN echo a\n'), ['sh']);
    assert.equal(shDialectOf('ubuntu:24.04', null), 'dash');
    assert.equal(shDialectOf('rockylinux:9-minimal', null), 'bash');
  });

  it('gives no Windows RUN and no template RUN to ShellCheck', () => {
    assert.deepEqual(inputsOf('FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\nRUN dir C:\\\\app\n').inputs, []);
    assert.deepEqual(inputsOf('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo %PATH%\n').inputs, []);
    assert.deepEqual(inputsOf('FROM python:3.12\nRUN pip install {{ cookiecutter.packages }}\n').inputs, []);
  });
});

describe('ShellCheck’s findings on the Dockerfile', () => {
  const comment = (code: number, line: number, column: number, endColumn: number, level: ShellCheckComment['level'] = 'info'): ShellCheckComment => ({ code, line, endLine: line, column, endColumn, level, message: `SC${code} message` });

  it('reports style codes as hints, a value that really splits at ShellCheck’s level, and no build-time-only files', () => {
    const { model, inputs } = inputsOf('FROM debian:12\nENV APP_DIR="/opt/my app"\nRUN . /etc/os-release && cd $APP_DIR && echo $(ls) $HOME\n');
    const input = inputs[0]!;
    const script = input.script.text;
    const at = (word: string) => script.indexOf(word) + 1;
    const problems = shellCheckProblems(model, input, [
      comment(1091, 2, 1, 2),
      comment(2086, 2, at('$APP_DIR'), at('$APP_DIR') + 8),
      comment(2046, 2, at('$(ls)'), at('$(ls)') + 5),
      comment(2086, 2, at('$HOME'), at('$HOME') + 5),
    ]);
    assert.deepEqual(problems.map((p) => `${p.ruleId} ${p.severity} ${p.range.start.line}:${p.range.start.character}`), [
      'SC2086 info 2:28',
      'SC2046 hint 2:45',
      'SC2086 hint 2:51',
    ]);
  });

  it('drops the portability warnings that BusyBox ash does not deserve (ShellCheck checks it as dash)', () => {
    const alpine = inputsOf('FROM alpine:3.20\nRUN source /etc/profile && [[ -n "$HOME" ]]\n');
    const debian = inputsOf('FROM debian:12\nRUN source /etc/profile && [[ -n "$HOME" ]]\n');
    const comments = [comment(3046, 2, 1, 7, 'warning'), comment(3010, 2, 29, 45, 'warning')];
    assert.deepEqual(shellCheckProblems(alpine.model, alpine.inputs[0]!, comments), []);
    assert.deepEqual(shellCheckProblems(debian.model, debian.inputs[0]!, comments).map((p) => p.ruleId), ['SC3046', 'SC3010']);
  });

  it('drops what does not apply in a Linux image: find without a path, and “do” outside any loop', () => {
    const { model, inputs } = inputsOf('FROM elixir:1.17\nRUN mix do deps.get, deps.compile && find -name "*.beam"\n');
    assert.deepEqual(shellCheckProblems(model, inputs[0]!, [comment(1010, 2, 5, 7, 'warning'), comment(2185, 2, 36, 40)]), []);
    const loop = inputsOf('FROM debian:12\nRUN for f in a b do echo $f; done\n');
    assert.deepEqual(shellCheckProblems(loop.model, loop.inputs[0]!, [comment(1010, 2, 14, 16, 'warning')]).map((p) => p.ruleId), ['SC1010']);
  });
});
