import { spawn, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import type { BuildProgress } from '../../../common/build-progress';
import { commandLine, type Argv } from './build-args';

/** The failure block BuildKit prints is at the end; this much of the output is kept to read it. */
const KEPT_OUTPUT_CHARS = 256 * 1024;

/**
 * A build in the task terminal: the argv is spawned without a shell, its output shown as it comes
 * and kept, so that a failure can be read from it when the build ends. (A ProcessExecution's
 * output cannot be read by the extension; a problem matcher sees one line at a time and loses
 * BuildKit's error, which comes several lines after the location.)
 */
export class BuildTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private child: ChildProcess | undefined;
  private output = '';
  private finished = false;
  /** Stopped by the user (Ctrl+C, the task's stop button): ends as 130, whatever the engine exits with. */
  private cancelled = false;

  /**
   * With `progress`, the build prints BuildKit's structured progress (rawjson): it is read line by
   * line into `progress` and shown as the readable lines it stands for.
   */
  constructor(
    private readonly argv: Argv,
    private readonly cwd: string,
    private readonly onStart: () => void,
    private readonly onEnd: (code: number, output: string) => void,
    private readonly progress?: BuildProgress,
  ) {}

  open(): void {
    this.onStart();
    this.show(`> ${commandLine(this.argv)}\n\n`);
    const child = spawn(this.argv.command, this.argv.args, { cwd: this.cwd, shell: false, windowsHide: true });
    this.child = child;
    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => this.keep(this.progress ? this.progress.readChunk(stream, chunk.toString()) : chunk.toString());
    child.stdout?.on('data', take('stdout'));
    child.stderr?.on('data', take('stderr'));
    child.on('error', (error: NodeJS.ErrnoException) => {
      this.show(`\n${error.code === 'ENOENT' ? `'${this.argv.command}' was not found.` : error.message}\n`);
      this.finish(127);
    });
    child.on('close', (code, signal) => this.finish(code ?? (signal ? 130 : 1)));
  }

  /** Ctrl+C in the terminal cancels the build, as in a shell. */
  handleInput(data: string): void {
    if (data === '\x03') {
      this.cancelled = true;
      this.child?.kill('SIGINT');
    }
  }

  close(): void {
    if (this.finished) return;
    this.cancelled = true;
    this.child?.kill('SIGTERM');
  }

  private finish(exitCode: number): void {
    if (this.finished) return;
    this.finished = true;
    const code = this.cancelled && exitCode !== 0 ? 130 : exitCode;
    if (this.progress) this.keep(this.progress.flush());
    this.show(`\n${code === 0 ? 'The build succeeded.' : `The build failed (exit code ${code}).`}\n`);
    this.onEnd(code, this.output);
    this.closeEmitter.fire(code);
  }

  /** Output of the build: kept (to read a failure from) and shown. */
  private keep(text: string): void {
    this.output = (this.output + text).slice(-KEPT_OUTPUT_CHARS);
    this.show(text);
  }

  private show(text: string): void {
    // A terminal needs carriage returns; the build prints bare line feeds.
    this.writeEmitter.fire(text.replace(/\r?\n/g, '\r\n'));
  }
}
