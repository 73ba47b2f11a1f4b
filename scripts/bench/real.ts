import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDockerfileName } from '../../server/src/node/find-dockerfiles';
import { LspSession } from './lsp-session';

/** A real Dockerfile of the corpus, with the line a one-character edit goes to. */
export interface RealFile {
  readonly path: string;
  readonly text: string;
  /** The middle line of its longest stage, where the edit appends a character. */
  readonly editLine: number;
}

/** Latencies over all files: median and 95th percentile, in ms. */
export interface Spread {
  readonly medianMs: number;
  readonly p95Ms: number;
}

export interface RealFigures {
  readonly server: string;
  readonly files: number;
  /** The first pass over every file, one after another, in a fresh server. */
  readonly coldPassMs: number;
  readonly coldOpen: Spread;
  /** Reopening every file (closed first), twice. */
  readonly warmOpen: Spread;
  /** A one-character edit in the middle of a stage, to its diagnostics. */
  readonly edit: Spread;
  /** After initialize and a second's rest, nothing open. */
  readonly idleRssMb: number | null;
  /** With every file open three times, as separate documents. */
  readonly loadedRssMb: number | null;
}

/** The Dockerfiles of the real-world corpus, in a fixed order. */
export function realFiles(corpus: string): RealFile[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (isDockerfileName(name)) found.push(full);
    }
  };
  walk(corpus);
  return found.map((file) => {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const froms = lines.flatMap((line, i) => (/^\s*FROM\s/i.test(line) ? [i] : []));
    let editLine = Math.floor(lines.length / 2);
    let longest = -1;
    froms.forEach((start, i) => {
      const end = froms[i + 1] ?? lines.length;
      if (end - start > longest) {
        longest = end - start;
        editLine = start + Math.floor((end - start) / 2);
      }
    });
    return { path: file, text, editLine };
  });
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

function rssMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

const rest = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One server over the real files, as a user opening them one after another: a cold pass, warm
 * passes, an edit per file, and the memory it holds idle and with every file open three times.
 */
export async function measureReal(name: string, argv: readonly string[], files: readonly RealFile[], env: NodeJS.ProcessEnv = process.env): Promise<RealFigures> {
  const session = new LspSession(argv, env);
  await session.initialize();
  await rest(1000);
  const idleRssMb = rssMb(session.pid);
  const uriOf = (file: RealFile) => pathToFileURL(file.path).href;
  const open = async (uri: string, text: string, version: number): Promise<number> => {
    const published = session.diagnostics(uri, version);
    const started = performance.now();
    session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
    return (await published).at - started;
  };
  const coldStarted = performance.now();
  const cold: number[] = [];
  for (const file of files) cold.push(await open(uriOf(file), file.text, 1));
  const coldPassMs = performance.now() - coldStarted;
  const edits: number[] = [];
  for (const file of files) {
    const uri = uriOf(file);
    const line = file.text.split('\n')[file.editLine] ?? '';
    const published = session.diagnostics(uri, 2);
    const started = performance.now();
    session.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: file.editLine, character: line.length }, end: { line: file.editLine, character: line.length } }, text: 'x' }],
    });
    edits.push((await published).at - started);
  }
  const warm: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const file of files) {
      // Servers clear a closed document's diagnostics (without a version); that message must not
      // be taken for the reopened document's.
      const cleared = session.diagnostics(uriOf(file), 0);
      session.notify('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
      await Promise.race([cleared, rest(1000)]);
      warm.push(await open(uriOf(file), file.text, 10 + pass));
    }
  }
  for (const file of files) session.notify('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
  // Every file three times, as other documents (diff views, copies in other folders).
  for (let copy = 1; copy <= 3; copy++) {
    for (const file of files) await open(`${uriOf(file)}.copy${copy}`, file.text, 1);
  }
  await rest(1000);
  const loadedRssMb = rssMb(session.pid);
  await session.stop();
  return { server: name, files: files.length, coldPassMs, coldOpen: spread(cold), warmOpen: spread(warm), edit: spread(edits), idleRssMb, loadedRssMb };
}
