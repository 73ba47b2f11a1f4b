import { generateDockerfile, type GeneratedDockerfile } from './generate';
import { LspSession } from './lsp-session';

export interface SizeFigures {
  readonly size: number;
  readonly stages: number;
  /** didOpen → first diagnostics, the first open of this size. */
  readonly openFirstMs: number;
  /** The same on fresh documents opened again (median). */
  readonly openMs: number;
  /** A one-character edit at the end of the last line → its diagnostics. */
  readonly editMs: number;
  /** Completion right after `COPY --from=` in the last stage. */
  readonly completionMs: number;
  readonly completionItems: number;
  readonly completionOffersPrevious: boolean;
  readonly completionOffersCurrent: boolean;
  /** Definition on the stage name in that `--from=`. */
  readonly definitionMs: number;
  readonly definitionCorrect: boolean;
  readonly diagnostics: number;
}

export interface ServerFigures {
  readonly server: string;
  readonly coldStartMs: number;
  readonly peakRssMb: number | null;
  readonly sizes: SizeFigures[];
}

export interface MeasureOptions {
  readonly sizes: readonly number[];
  /** Runs per figure; a function of the size, so a slow server can do fewer at the largest. */
  readonly runs: (size: number) => number;
  readonly coldRuns: number;
  readonly log: (line: string) => void;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Idle time after each step, untimed, so a late publish is never counted for the next step. */
const SETTLE_MS = 30;

/** Measures one server over LSP on every size, in one process, as an editor would use it. */
export async function measureServer(name: string, argv: readonly string[], options: MeasureOptions): Promise<ServerFigures> {
  const session = new LspSession(argv);
  const coldStartMs = await session.initialize();
  const sizes: SizeFigures[] = [];
  for (const size of options.sizes) {
    const figures = await measureSize(session, generateDockerfile(size), options.runs(size));
    options.log(`  ${name} ${size} lines: open ${figures.openFirstMs.toFixed(1)} ms, edit ${figures.editMs.toFixed(2)} ms, completion ${figures.completionMs.toFixed(2)} ms, definition ${figures.definitionMs.toFixed(2)} ms`);
    sizes.push(figures);
  }
  const peakRssMb = session.peakRssMb();
  await session.stop();
  const colds = [coldStartMs];
  for (let i = 1; i < options.coldRuns; i++) {
    const cold = new LspSession(argv);
    colds.push(await cold.initialize());
    await cold.stop();
  }
  return { server: name, coldStartMs: median(colds), peakRssMb, sizes };
}

async function measureSize(session: LspSession, doc: GeneratedDockerfile, runs: number): Promise<SizeFigures> {
  const base = `file:///bench/${doc.lines}`;
  const uri = `${base}/Dockerfile`;
  const opens: number[] = [];
  let diagnostics = 0;
  for (let i = 0; i < runs; i++) {
    const at = i === 0 ? uri : `${base}/again-${i}/Dockerfile`;
    const published = session.diagnostics(at, 1);
    const started = performance.now();
    session.notify('textDocument/didOpen', { textDocument: { uri: at, languageId: 'dockerfile', version: 1, text: doc.text } });
    const { at: arrived, count } = await published;
    opens.push(arrived - started);
    if (i === 0) diagnostics = count;
    await pause(SETTLE_MS);
    if (i > 0) session.notify('textDocument/didClose', { textDocument: { uri: at } });
  }

  const edits: number[] = [];
  let character = doc.probes.lastLineLength;
  for (let i = 0; i < runs; i++) {
    const version = i + 2;
    const position = { line: doc.probes.lastLine, character };
    character++;
    const published = session.diagnostics(uri, version);
    const started = performance.now();
    session.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: 'x' }],
    });
    edits.push((await published).at - started);
    await pause(SETTLE_MS);
  }

  const completions: number[] = [];
  let labels: string[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { result, at } = await session.request('textDocument/completion', { textDocument: { uri }, position: doc.probes.completion });
    completions.push(at - started);
    const items = Array.isArray(result) ? result : ((result as { items?: unknown[] } | null)?.items ?? []);
    labels = (items as { label: string }[]).map((item) => item.label);
  }

  const definitions: number[] = [];
  let definitionCorrect = false;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { result, at } = await session.request('textDocument/definition', { textDocument: { uri }, position: doc.probes.definition });
    definitions.push(at - started);
    const location = (Array.isArray(result) ? result[0] : result) as { range?: { start: { line: number } } } | undefined;
    definitionCorrect = location?.range?.start.line === doc.probes.definitionLine;
  }

  session.notify('textDocument/didClose', { textDocument: { uri } });
  await pause(SETTLE_MS);
  return {
    size: doc.lines,
    stages: doc.stages,
    openFirstMs: opens[0] as number,
    openMs: median(opens.length > 1 ? opens.slice(1) : opens),
    editMs: median(edits),
    completionMs: median(completions),
    completionItems: labels.length,
    completionOffersPrevious: labels.includes(doc.probes.expectedStage),
    completionOffersCurrent: labels.includes(`stage${doc.stages - 1}`),
    definitionMs: median(definitions),
    definitionCorrect,
    diagnostics,
  };
}

