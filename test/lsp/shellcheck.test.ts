import assert from '../support/assert';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { findShellCheck } from '../../server/src/node/shellcheck-runner';
import { fileUri, LspTestClient } from '../support/lsp-client';

const installed = findShellCheck(null).path !== null;
const TEXT = [
  'FROM debian:12',
  'ARG VERSION=1',
  'ENV APP_DIR="/opt/my app"',
  'RUN apt-get update && \\',
  '    . /etc/os-release && \\',
  '    echo $VERSION $unset_name && \\',
  '    cd /tmp; ls $APP_DIR',
  'CMD ["x"]',
  '',
].join('\n');

/** Waits for a publication that has ShellCheck's findings (they come after ours). */
async function withShellCheck(client: LspTestClient, uri: string, first: PublishDiagnosticsParams): Promise<PublishDiagnosticsParams> {
  let published = first;
  for (let i = 0; i < 5 && !published.diagnostics.some((d) => String(d.code).startsWith('SC')); i++) published = await client.nextDiagnostics(uri);
  return published;
}

describe('ShellCheck over JSON-RPC', { skip: !installed && !process.env.CI && 'shellcheck is not installed' }, () => {
  it('adds ShellCheck findings at their place inside a multi-line RUN, with the declared ARGs known, linking to its pages', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      const uri = fileUri('/work/shellcheck/Dockerfile');
      const published = await withShellCheck(client, uri, await client.open(uri, TEXT));
      const found = published.diagnostics.filter((d) => String(d.code).startsWith('SC')).map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]);
      // What the build gives: VERSION is the plain word 1 (no SC2086 on it), /etc/os-release exists
      // only in the image (no SC1091); a name nothing sets is reported, its unquoted use only as a
      // hint, while APP_DIR really splits on its blank.
      const severity = (d: { severity?: number }) => ['', 'error', 'warning', 'info', 'hint'][d.severity ?? 0];
      assert.deepEqual(published.diagnostics.filter((d) => String(d.code).startsWith('SC')).map((d) => [d.code, severity(d), d.range.start.line]), [
        ['SC2154', 'warning', 5],
        ['SC2086', 'hint', 5],
        ['SC2164', 'warning', 6],
        ['SC2086', 'info', 6],
      ]);
      assert.deepEqual(found.map(([code, line, start, end]) => `${code}@${line}:${start}-${end}`), ['SC2154@5:18-29', 'SC2086@5:18-29', 'SC2164@6:4-11', 'SC2086@6:16-24']);
      assert.equal(published.diagnostics.find((d) => d.code === 'SC2154')?.codeDescription?.href, 'https://www.shellcheck.net/wiki/SC2154');
      assert.ok(published.diagnostics.some((d) => d.code === 'apt-lists-not-cleaned'), 'our findings stay');
      // Our ignore comment (and hadolint's) silences a code on the RUN below it.
      const next = client.nextDiagnostics(uri);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: TEXT.replace('RUN apt-get', '# hadolint ignore=SC2086,SC2164\nRUN apt-get') }] });
      const silenced = await withShellCheck(client, uri, await next);
      assert.deepEqual(silenced.diagnostics.filter((d) => String(d.code).startsWith('SC')).map((d) => d.code), ['SC2154']);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('is silent without a binary, and says so once when a configured one is missing', async () => {
    const client = new LspTestClient();
    try {
      client.settings = { shellcheck: { enable: true, path: '/nonexistent/shellcheck' } };
      await client.initialize({ workspace: { configuration: true } });
      const uri = fileUri('/work/shellcheck-missing/Dockerfile');
      const published = await client.open(uri, TEXT);
      assert.deepEqual(published.diagnostics.filter((d) => String(d.code).startsWith('SC')), []);
      for (let i = 0; i < 20 && client.messages.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      assert.deepEqual(client.messages.map((m) => m.message), ['The configured ShellCheck (/nonexistent/shellcheck) cannot be run.']);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
