import assert from '../support/assert';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { MEMORY_REQUEST, type MemoryResult } from '../../common/protocol';
import { LspTestClient } from '../support/lsp-client';

const stage = (i: number) => `# stage ${i}\nFROM alpine:3.20 AS s${i}\nRUN apk add --no-cache curl \\\n    && echo ${i}\nCOPY --from=s${Math.max(0, i - 1)} /out /in\n`;

const HOSTILE: Record<string, () => string> = {
  'a 10 MB Dockerfile': () => {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 10_000_000; i++) {
      const piece = stage(i % 2000);
      parts.push(piece);
      size += piece.length;
    }
    return parts.join('');
  },
  'a 1 MB single line': () => `FROM alpine:3.20\nRUN echo ${'x'.repeat(1_000_000)}\n`,
  '100,000 stages': () => Array.from({ length: 100_000 }, (_, i) => `FROM alpine:3.20 AS s${i}\n`).join(''),
  'deeply nested continuations': () => `FROM alpine:3.20\nRUN echo \\\n${'  && echo again \\\n  # note\n'.repeat(20_000)}  && true\n`,
  'an unterminated heredoc at the top': () => `RUN <<EOF\n${'FROM alpine:3.20 AS x\nRUN echo\n'.repeat(5_000)}`,
  'NUL bytes': () => `FROM alpine\u0000:3.20\nRUN \u0000\u0000 echo\n${'\u0000'.repeat(100_000)}\n`,
  'invalid UTF-8 (decoded with replacement characters)': () => Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a, 0x52, 0x55, 0x4e, 0x20, 0xe2, 0x82]).toString('utf8'),
  'lone surrogates': () => 'FROM alpine:3.20 AS \ud800x\nRUN echo \udfff\n',
};

describe('hostile and big input', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  for (const [name, make] of Object.entries(HOSTILE)) {
    it(`finishes a diagnostics pass and answers every request for ${name}`, async (t) => {
      const uri = `untitled:hostile/${encodeURIComponent(name)}`;
      const text = make();
      const started = performance.now();
      // Generous: the 10 MB document shares the machine with the other test files.
      const published = await client.open(uri, text, 1, 120_000);
      const openMs = performance.now() - started;
      assert.ok(Array.isArray(published.diagnostics));
      const position = { line: 1, character: 5 };
      const requests = [
        client.request('textDocument/completion', { textDocument: { uri }, position }),
        client.request('textDocument/hover', { textDocument: { uri }, position }),
        client.request('textDocument/definition', { textDocument: { uri }, position }),
        client.request('textDocument/documentSymbol', { textDocument: { uri } }),
        client.request('textDocument/foldingRange', { textDocument: { uri } }),
        client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }),
        client.request('textDocument/signatureHelp', { textDocument: { uri }, position }),
        client.request('textDocument/semanticTokens/full', { textDocument: { uri } }),
        client.request('textDocument/documentLink', { textDocument: { uri } }),
        client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }),
      ];
      await Promise.all(requests);
      const editStarted = performance.now();
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }], 120_000);
      t.diagnostic(`${name}: ${(text.length / 1e6).toFixed(2)} MB, open → diagnostics ${openMs.toFixed(0)} ms (${published.diagnostics.length} diagnostics), edit → diagnostics ${(performance.now() - editStarted).toFixed(0)} ms`);
      await client.close(uri);
    });
  }
});

describe('protocol robustness', () => {
  it('answers a cancelled request with the cancellation error or its result, and keeps serving', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      const uri = 'untitled:cancel/Dockerfile';
      await client.open(uri, 'FROM alpine:3.20 AS a\nFROM a\n');
      const source = new (await import('vscode-jsonrpc')).CancellationTokenSource();
      const pending = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 5 } }, source.token);
      source.cancel();
      await pending.then(
        () => undefined,
        (error: { code?: number }) => assert.equal(error.code, -32800),
      );
      assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 5 } }));
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('survives a malformed message and goes on answering', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      const garbage = '{"jsonrpc":"2.0","id":99,"method":';
      client.process.stdin.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
      const wrongParams = client.request('textDocument/hover', { nonsense: true });
      await wrongParams.then(
        (result) => assert.equal(result, null),
        () => undefined,
      );
      const published = await client.open('untitled:after/Dockerfile', 'FROM alpine AS Build\n');
      assert.ok(published.diagnostics.length > 0);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('gives memory back after 1,000 open/close cycles', async (t) => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      // The heap after a full collection: what the server retains. (RSS follows the collector's
      // timing and the machine's load, not leaks.)
      const heapMb = async () => {
        const memory = await client.request<MemoryResult>(MEMORY_REQUEST, {});
        assert.ok(memory.collected, 'the server can force a collection');
        return memory.heapUsedBytes / 1024 / 1024;
      };
      const text = readFileSync('examples/node-service/Dockerfile', 'utf8').repeat(20);
      for (let i = 0; i < 50; i++) {
        await client.open(`untitled:warm/${i}`, text);
        await client.close(`untitled:warm/${i}`);
      }
      const startMb = await heapMb();
      // What one open document holds: a leak of one per cycle would retain a thousand of these.
      for (let i = 0; i < 20; i++) await client.open(`untitled:held/${i}`, `${text}# ${i}\n`);
      const perDocumentMb = ((await heapMb()) - startMb) / 20;
      for (let i = 0; i < 20; i++) await client.close(`untitled:held/${i}`);
      for (let i = 0; i < 1000; i++) {
        await client.open(`untitled:cycle/${i}`, text);
        await client.close(`untitled:cycle/${i}`);
      }
      const endMb = await heapMb();
      t.diagnostic(`heap after warm-up ${startMb.toFixed(1)} MB, after 1,000 open/close cycles ${endMb.toFixed(1)} MB; one open document holds ${(perDocumentMb * 1024).toFixed(0)} KB`);
      assert.ok(perDocumentMb > 0.01, `an open document holds ${(perDocumentMb * 1024).toFixed(0)} KB`);
      // A bound a leak of one document per cycle would pass 20 times over.
      const bound = (perDocumentMb * 1000) / 20;
      assert.ok(endMb - startMb < bound, `heap grew by ${(endMb - startMb).toFixed(1)} MB (bound ${bound.toFixed(1)} MB)`);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
