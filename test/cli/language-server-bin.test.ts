import assert from '../support/assert';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type InitializeResult } from 'vscode-languageserver-protocol/node';

describe('the language server as a program (other editors)', () => {
  const bin = (JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin['dockerfile-stages-language-server'];

  it('is a bin of the package: a node script', () => {
    assert.equal(bin, './dist/server.js');
    assert.match(readFileSync(path.resolve(bin as string), 'utf8').split('\n')[0] ?? '', /^#!\/usr\/bin\/env node$/);
  });

  it('speaks LSP over stdio when started with no transport argument, and exits on exit', async () => {
    const child = spawn(process.execPath, [path.resolve(bin as string)], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    assert.equal(result.serverInfo?.name, 'dockerfile-stages');
    assert.equal(result.capabilities.renameProvider !== undefined, true);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
    connection.dispose();
  });
});
