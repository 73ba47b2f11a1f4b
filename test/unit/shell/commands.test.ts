import { describe, it } from 'node:test';
import assert from '../../support/assert';
import { buildModel, ModelBuilder } from '../../../server/src/model/model-builder';
import { positionAtOffset } from '../../../server/src/model/scanner';
import { runScript } from '../../../server/src/shell/run-script';
import type { RunScript } from '../../../server/src/shell/types';

/** The RUNs of the first stage, read as shell. */
function scripts(text: string): RunScript[] {
  const model = buildModel(text);
  const stage = model.stages[0];
  if (!stage) return [];
  return stage.instructions.filter((i) => i.keyword === 'RUN').map((run) => runScript(model, run, stage));
}

/** Each command as `program arg…`, with markers for how it is reached. */
function commands(script: RunScript | undefined): string[] {
  return (script?.commands ?? []).map((c) => {
    const marks = [c.conditional ? 'if' : '', c.nested ? 'nested' : '', c.via ? `via ${c.via}` : ''].filter(Boolean);
    const env = c.assignments.map((a) => `${a.name}=${a.value?.value ?? '?'} `).join('');
    return `${env}${c.program ?? '?'} ${c.args.map((a) => a.value ?? `{${a.text}}`).join(' ')}`.trim() + (marks.length > 0 ? ` (${marks.join(', ')})` : '');
  });
}

describe('RUN read as shell', () => {
  it('joins continuation lines, drops comments inside them, and maps words back to the document', () => {
    const text = 'FROM debian:12\nRUN set -eux; \\\n  # install\n  DEBIAN_FRONTEND=noninteractive apt-get install -y "curl" \\\n\n  && rm -rf /var/lib/apt/lists/*\n';
    const [script] = scripts(text);
    assert.deepEqual(commands(script), ['set -eux', 'DEBIAN_FRONTEND=noninteractive apt-get install -y curl', 'rm -rf /var/lib/apt/lists/*']);
    const curl = script?.commands[1]?.args[2];
    assert.equal(text.slice(script?.documentOffset(curl?.start ?? 0), script?.documentOffset(curl?.end ?? 0)), '"curl"');
    assert.equal(script?.parsed, true);
  });

  it('looks through sudo, env, xargs and sh -c, and marks conditional and nested commands', () => {
    const [script] = scripts([
      'FROM debian:12',
      'RUN sudo -u app npm ci && env -i PATH=/bin xargs -n1 echo < list \\',
      '  && sh -c "apt-get update && apt-get install -y git" \\',
      '  && if [ -f x ]; then make install; fi || true \\',
      '  && echo $(git rev-parse HEAD) | tee /version',
      '',
    ].join('\n'));
    assert.deepEqual(commands(script), [
      'npm ci (via sudo)',
      'PATH=/bin echo (via xargs)',
      'apt-get update (via sh)',
      'apt-get install -y git (via sh)',
      'sh -c apt-get update && apt-get install -y git',
      'make install (if)',
      'true (if)',
      'git rev-parse HEAD (nested)',
      'echo {$(git rev-parse HEAD)} (nested)',
      'tee /version',
    ]);
  });

  it('keeps file redirections on their command', () => {
    const [script] = scripts('FROM debian:12\nRUN echo a > /etc/motd && cat < in.txt >> /var/log/x.log\n');
    assert.deepEqual(script?.commands.map((c) => c.redirects.map((r) => `${r.operator} ${r.target.value}`)), [['> /etc/motd'], ['< in.txt', '>> /var/log/x.log']]);
  });

  it('reads heredoc bodies run by the shell, and not those fed to other programs', () => {
    const [shell, python, cat] = scripts('FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nRUN python3 <<EOF\nimport os\nEOF\nRUN cat <<EOF > /etc/motd\nhello\nEOF\n');
    assert.deepEqual(commands(shell), ['apt-get update', 'apt-get install -y curl']);
    assert.deepEqual(commands(python), ['python3']);
    assert.deepEqual(commands(cat), ['cat']);
  });

  it('reads exec form as one command, and sh -c in exec form as shell', () => {
    const [exec, shC] = scripts('FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\nRUN ["/bin/sh", "-c", "apk add --no-cache git && git --version"]\n');
    assert.deepEqual(commands(exec), ['apt-get install -y curl']);
    assert.deepEqual(commands(shC), ['apk add --no-cache git', 'git --version']);
  });

  it('follows # escape=` and SHELL: PowerShell and cmd are not read as POSIX shell', () => {
    const [escaped] = scripts('# escape=`\nFROM debian:12\nRUN apt-get update `\n  && apt-get install -y curl\n');
    assert.deepEqual(commands(escaped), ['apt-get update', 'apt-get install -y curl']);
    const [, pwsh] = scripts('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\nSHELL ["powershell", "-Command"]\nRUN Invoke-WebRequest x; setx PATH y\n');
    assert.equal(pwsh?.shell, 'powershell');
    assert.equal(pwsh?.parsed, false);
    const [bash] = scripts('FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN [[ -n x ]] && echo ok\n');
    assert.equal(bash?.shell, 'bash');
  });

  it('reads what it can of a half-typed line, and never throws', () => {
    const [half] = scripts('FROM debian:12\nRUN apt-get update && apt-get install -y "curl\n');
    assert.equal(half?.hasErrors, true);
    assert.deepEqual(commands(half).slice(0, 1), ['apt-get update']);
    for (const body of ['$(', '`', 'if then fi', '<<', '"\\', '((((', '| |', '\u0000\u0001', 'a && ', 'case x in']) {
      assert.doesNotThrow(() => scripts(`FROM debian:12\nRUN ${body}\n`));
    }
  });

  it('maps a RUN to the document again when a line above it changes length and the instruction is kept', () => {
    const builder = new ModelBuilder();
    const at = (text: string) => {
      const model = builder.build(text);
      const stage = model.stages[0]!;
      const run = stage.instructions.find((i) => i.keyword === 'RUN')!;
      const script = runScript(model, run, stage);
      return positionAtOffset(model.lineStarts, script.documentOffset(script.text.indexOf('curl')));
    };
    assert.deepEqual(at('FROM debian:12\nARG X\nRUN apt-get install -y curl\n'), { line: 2, character: 23 });
    assert.deepEqual(at('FROM debian:12\nARG XYZ\nRUN apt-get install -y curl\n'), { line: 2, character: 23 });
  });
});
