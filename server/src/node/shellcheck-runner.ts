import { execFile, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ShellCheckComment, ShellCheckInput, ShellCheckShell } from '../engine/shellcheck';

/** ShellCheck on a RUN should take well under a second; a stuck run must not hold diagnostics. */
const TIMEOUT_MS = 10_000;
const MAX_CACHED = 2000;
const MAX_INPUTS = 300;
const LOWEST_PRIORITY = 19;

/**
 * Where the `shellcheck` binary is: the configured path (which must exist), else the first on
 * PATH; null when there is none (then ShellCheck findings are simply absent).
 */
export function findShellCheck(configured: string | null, searchPath = process.env.PATH ?? ''): { path: string | null; problem: string | null } {
  // Asked once per document lint: the answer is kept a few seconds rather than probing PATH each time.
  const key = `${configured ?? ''}\0${searchPath}`;
  const known = lastLookUp?.key === key && Date.now() - lastLookUp.at < LOOK_UP_TTL_MS ? lastLookUp.found : null;
  if (known) return known;
  const found = lookUpShellCheck(configured, searchPath);
  lastLookUp = { key, at: Date.now(), found };
  return found;
}

const LOOK_UP_TTL_MS = 5000;
let lastLookUp: { key: string; at: number; found: { path: string | null; problem: string | null } } | null = null;

function lookUpShellCheck(configured: string | null, searchPath: string): { path: string | null; problem: string | null } {
  if (configured) {
    try {
      accessSync(configured, constants.X_OK);
      return { path: configured, problem: null };
    } catch {
      return { path: null, problem: `The configured ShellCheck (${configured}) cannot be run.` };
    }
  }
  for (const folder of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(folder, process.platform === 'win32' ? 'shellcheck.exe' : 'shellcheck');
    try {
      accessSync(candidate, constants.X_OK);
      return { path: candidate, problem: null };
    } catch {
      // Not in this folder.
    }
  }
  return { path: null, problem: null };
}

/**
 * Runs ShellCheck on scripts, one process per shell for all of them (argv only, never a shell
 * string), with a time limit; answers are cached by script text.
 */
export class ShellCheckRunner {
  private readonly cache = new Map<string, readonly ShellCheckComment[]>();
  private readonly running = new Set<ChildProcess>();
  /**
   * One ShellCheck at a time: opening many Dockerfiles at once (a restored workspace) would
   * otherwise start a process per document together, each spawn holding the event loop.
   */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly binary: string) {}

  /** Stops the runs still going (the server is shutting down). */
  dispose(): void {
    for (const child of this.running) child.kill();
    this.running.clear();
  }

  /** `stillWanted` is asked when the run's turn comes: a document changed or closed meanwhile is skipped. */
  check(all: readonly ShellCheckInput[], stillWanted: () => boolean = () => true): Promise<Map<string, readonly ShellCheckComment[]>> {
    const turn = this.queue.then(() => (stillWanted() ? this.checkNow(all) : new Map<string, readonly ShellCheckComment[]>()));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async checkNow(all: readonly ShellCheckInput[]): Promise<Map<string, readonly ShellCheckComment[]>> {
    const answers = new Map<string, readonly ShellCheckComment[]>();
    // A generated file with thousands of RUNs gets its first ones checked, not a minute of work.
    const inputs = all.slice(0, MAX_INPUTS);
    const missing = inputs.filter((input) => {
      const cached = this.cache.get(input.key);
      if (cached) answers.set(input.key, cached);
      return !cached;
    });
    for (const shell of ['sh', 'bash', 'dash', 'ash'] as const) {
      const group = [...new Map(missing.filter((input) => input.shell === shell).map((input) => [input.key, input])).values()];
      if (group.length === 0) continue;
      for (const [key, comments] of await this.run(shell, group)) {
        answers.set(key, comments);
        if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
        this.cache.set(key, comments);
      }
    }
    return answers;
  }

  private async run(shell: ShellCheckShell, inputs: readonly ShellCheckInput[]): Promise<Map<string, ShellCheckComment[]>> {
    const folder = mkdtempSync(path.join(tmpdir(), 'dfs-shellcheck-'));
    try {
      const files = inputs.map((input) => {
        const file = path.join(folder, `${input.key.replace(/[^\w-]/g, '_')}.sh`);
        writeFileSync(file, input.text);
        return file;
      });
      const stdout = await new Promise<string>((resolve, reject) => {
        const child = execFile(this.binary, ['--format=json1', `--shell=${shell}`, '--norc', ...files], { timeout: TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024 }, (error, out, err) => {
          this.running.delete(child);
          // Exit 1 means "found something": the report is on stdout all the same.
          if (error && (error as { code?: unknown }).code !== 1) reject(new Error(err.trim() || error.message));
          else resolve(out);
        });
        this.running.add(child);
        // It runs beside the editor's own work: at the lowest priority.
        try {
          if (child.pid !== undefined) setPriority(child.pid, LOWEST_PRIORITY);
        } catch {
          // Not allowed here: it runs at normal priority.
        }
      });
      const report = JSON.parse(stdout) as { comments?: (ShellCheckComment & { file: string })[] };
      const byFile = new Map<string, ShellCheckComment[]>(files.map((file) => [file, []]));
      for (const comment of report.comments ?? []) byFile.get(comment.file)?.push(comment);
      return new Map(inputs.map((input, i) => [input.key, byFile.get(files[i] as string) ?? []]));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}
