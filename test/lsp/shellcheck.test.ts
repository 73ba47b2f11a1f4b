import assert from '../support/assert';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { findShellCheck } from '../../server/src/node/shellcheck-runner';
import { fileUri, LspTestClient } from '../support/lsp-client';

const installed = findShellCheck(null).path !== null;
const TEXT = ['FROM debian:12', 'ARG VERSION=1', 'RUN apt-get update && \\', '    echo $VERSION $unset_name && \\', '    cd /tmp', 'CMD ["x"]', ''].join('\n');

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
      assert.deepEqual(found, [
        ['SC2086', 3, 9, 17],
        ['SC2154', 3, 18, 29],
        ['SC2086', 3, 18, 29],
        ['SC2164', 4, 4, 11],
      ]);
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
