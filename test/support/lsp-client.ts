import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const SERVER_PATH = path.resolve('dist/server.js');

export function fileUri(p: string): string {
  return pathToFileURL(path.resolve(p)).href;
}

/** A real client for the bundled server: spawns `dist/server.js --stdio` and speaks JSON-RPC to it. */
export class LspTestClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly logs: string[] = [];
  /** What the server showed the user (`window/showMessage` and `window/showMessageRequest`). */
  readonly messages: { type: number; message: string }[] = [];
  /** What the server is told when it asks for settings (`workspace/configuration`). */
  settings: unknown = {};
  /** The documents the server asked settings for, in order. */
  readonly settingsAskedFor: string[] = [];
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: { uri: string; since: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly exited: Promise<number | null>;

  constructor() {
    this.process = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.process.stderr.on('data', (chunk: Buffer) => this.logs.push(`stderr: ${chunk.toString()}`));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.uri !== params.uri || list.length <= waiter.since) return true;
        waiter.resolve(params);
        return false;
      });
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
    });
    this.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.messages.push(params);
      return null;
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) => {
      for (const item of params.items) this.settingsAskedFor.push(item.scopeUri ?? '');
      return params.items.map(() => this.settings);
    });
    this.connection.listen();
  }

  async initialize(capabilities: ClientCapabilities = {}, initializationOptions?: unknown, rootUri = fileUri('.')): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      capabilities,
      workspaceFolders: null,
      ...(initializationOptions === undefined ? {} : { initializationOptions }),
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, text: string, version = 1, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri, timeoutMs);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
    return next;
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[], timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri, timeoutMs);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return next;
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return next;
  }

  /** Resolves with the next diagnostics published for `uri` after this call. */
  nextDiagnostics(uri: string, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const since = this.published.get(uri)?.length ?? 0;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        since,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      });
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** Shuts the server down the polite way and resolves with its exit code. */
  async stop(): Promise<number | null> {
    if (this.process.exitCode !== null) return this.process.exitCode;
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }

  get exit(): Promise<number | null> {
    return this.exited;
  }
}
