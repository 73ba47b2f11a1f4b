import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** When diagnostics arrived, and how many. */
export interface Published {
  readonly at: number;
  readonly count: number;
}

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; version?: number } & Record<string, unknown>;
  result?: unknown;
  error?: unknown;
}

/**
 * A lean LSP client over stdio for timing: raw Content-Length framing, no library in the way, and
 * every timestamp taken when the bytes arrive. The server is started from an argv, never a shell.
 */
export class LspSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (message: Message, at: number) => void>();
  private diagnosticWaiters: { uri: string; version: number; resolve: (published: Published) => void }[] = [];
  readonly startedAt = performance.now();

  constructor(argv: readonly string[], env: NodeJS.ProcessEnv = process.env) {
    const [command, ...args] = argv as [string, ...string[]];
    this.child = spawn(command, args, { stdio: 'pipe', env });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk, performance.now()));
    this.child.stderr.resume();
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /**
   * Sends `initialize` and `initialized` (with a workspace folder when given); resolves with the
   * time from spawn to the result. Like VS Code, the client answers the servers' requests for
   * settings (with none: their defaults apply).
   */
  async initialize(rootUri: string | null = null): Promise<number> {
    const workspaceFolders = rootUri ? [{ uri: rootUri, name: 'workspace' }] : null;
    const { at } = await this.request('initialize', { processId: process.pid, rootUri, workspaceFolders, capabilities: { workspace: { configuration: true } } });
    this.notify('initialized', {});
    return at - this.startedAt;
  }

  request(method: string, params: unknown): Promise<{ result: unknown; at: number }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message, at) => (message.error ? reject(new Error(JSON.stringify(message.error))) : resolve({ result: message.result, at })));
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves when the next diagnostics for `uri` of at least `version` arrive. */
  diagnostics(uri: string, version: number): Promise<Published> {
    return new Promise((resolve) => this.diagnosticWaiters.push({ uri, version, resolve }));
  }

  /** The peak resident memory of the server process so far, in MB (Linux). */
  peakRssMb(): number | null {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
      return kb ? Number(kb) / 1024 : null;
    } catch {
      return null;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2000))]);
    this.notify('exit', null);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer, at: number): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length:\s*(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1] ?? NaN);
      if (!Number.isFinite(length)) throw new Error('a message without Content-Length');
      const end = headerEnd + 4 + length;
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, end).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message, at);
    }
  }

  private dispatch(message: Message, at: number): void {
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id)?.(message, at);
      this.pending.delete(message.id);
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const { uri = '', version, diagnostics } = message.params ?? {};
      const count = Array.isArray(diagnostics) ? diagnostics.length : 0;
      this.diagnosticWaiters = this.diagnosticWaiters.filter((waiter) => {
        if (waiter.uri !== uri || (version !== undefined && version < waiter.version)) return true;
        waiter.resolve({ at, count });
        return false;
      });
    } else if (message.id !== undefined) {
      // A request from the server: no settings for each item asked, nothing for the rest (registrations).
      const items = message.method === 'workspace/configuration' ? (message.params as { items?: unknown[] } | undefined)?.items : undefined;
      this.send({ jsonrpc: '2.0', id: message.id, result: items ? items.map(() => null) : null });
    }
  }
}
