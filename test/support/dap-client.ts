import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/** A DAP message as sent over the wire. */
export interface DapMessage {
  readonly seq: number;
  readonly type: 'request' | 'response' | 'event';
  readonly command?: string;
  readonly event?: string;
  readonly success?: boolean;
  readonly message?: string;
  readonly body?: Record<string, unknown>;
  readonly request_seq?: number;
}

/** A minimal Debug Adapter Protocol client over a child's stdio (Content-Length framing), for tests. */
export class DapClient {
  private seq = 1;
  private buffer = Buffer.alloc(0);
  readonly events: DapMessage[] = [];
  private readonly waiters: { test: (m: DapMessage) => boolean; resolve: (m: DapMessage) => void }[] = [];
  readonly output: string[] = [];

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
  }

  request(command: string, args: Record<string, unknown> = {}): Promise<DapMessage> {
    const seq = this.seq++;
    const body = JSON.stringify({ seq, type: 'request', command, arguments: args });
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return this.next((m) => m.type === 'response' && m.request_seq === seq);
  }

  /** The next message that passes the test (an event already received counts). */
  next(test: (m: DapMessage) => boolean, timeoutMs = 120_000): Promise<DapMessage> {
    const seen = this.events.find(test);
    if (seen) {
      this.events.splice(this.events.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no DAP message in ${timeoutMs} ms; adapter said: ${this.output.join('').slice(-2000)}`)), timeoutMs);
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  event(name: string, timeoutMs?: number): Promise<DapMessage> {
    return this.next((m) => m.type === 'event' && m.event === name, timeoutMs);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, header).toString())?.[1] ?? 0);
      if (this.buffer.length < header + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(header + 4, header + 4 + length).toString()) as DapMessage;
      this.buffer = this.buffer.subarray(header + 4 + length);
      const waiter = this.waiters.find((w) => w.test(message));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      } else if (message.type === 'event') this.events.push(message);
      if (message.type === 'event' && message.event === 'output') this.output.push(String(message.body?.output ?? ''));
    }
  }
}
