// `npm run bench`: our bundled server and the reference server over LSP, side by side, on the
// same generated multi-stage Dockerfiles; then the analysis alone in this process. Prints tables
// and writes bench-results/latest.json. Options: --sizes 50,500 --runs 7 --no-anchor --quick.
// --real: the real Dockerfiles of the corpus beside the project (its first part; --all: every file), cold and warm
// passes, edits, memory, to bench-results/real.json.
// --monorepo: a generated monorepo of 2,000 Dockerfiles and 10,000 other files, to bench-results/monorepo.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ANCHOR_PACKAGE, ANCHOR_VERSION, anchorArgv } from './anchor';
import { measureAnalysis, type AnalysisFigures } from './in-process';
import { measureServer, type ServerFigures } from './measure';
import { measureReal, realFiles, type RealFigures, type RealFile } from './real';
import { corpusData, corpusFirstPart, missingMessage, type ThirdPartyData } from '../shared-data';
import { measureWorkspaceIndex } from './workspace-index';
import { measureMonorepo } from './monorepo';
import { loadShellParser } from '../../server/src/node/shell-parser';
import { SERVER_NODE_FLAGS } from '../../common/ids';

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const sizes = (option('--sizes') ?? '50,500,5000,50000').split(',').map(Number).filter((n) => n > 0);
const runs = Number(option('--runs') ?? 7);
const withAnchor = !args.includes('--no-anchor');
const everyCorpusFile = args.includes('--all');
const log = (line: string) => console.log(line);

function table(title: string, header: string[], rows: (string | number)[][]): void {
  console.log(`\n${title}`);
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  for (const row of cells) console.log(row.map((cell, i) => cell.padStart(widths[i] as number)).join('  '));
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

function serverTable(figures: ServerFigures): void {
  table(
    `${figures.server}: cold start ${ms(figures.coldStartMs)} ms, peak RSS ${figures.peakRssMb?.toFixed(1) ?? '?'} MB (median ms)`,
    ['lines', 'stages', 'open1', 'open', 'diags', 'edit', 'compl', 'items', 'prev', 'self', 'def', 'def ok'],
    figures.sizes.map((s) => [
      s.size, s.stages, ms(s.openFirstMs), ms(s.openMs), s.diagnostics, ms(s.editMs), ms(s.completionMs), s.completionItems,
      s.completionOffersPrevious ? 'yes' : 'NO', s.completionOffersCurrent ? 'YES' : 'no', ms(s.definitionMs), s.definitionCorrect ? 'yes' : 'NO',
    ]),
  );
}

function ratioTable(ours: ServerFigures, anchor: ServerFigures): void {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  table(
    `How many times faster we are than ${anchor.server} (its time / ours; target ≥ 10× for edit, completion, definition)`,
    ['lines', 'open', 'edit', 'completion', 'definition'],
    ours.sizes.map((s, i) => {
      const a = anchor.sizes[i];
      return a ? [s.size, ratio(a.openMs, s.openMs), ratio(a.editMs, s.editMs), ratio(a.completionMs, s.completionMs), ratio(a.definitionMs, s.definitionMs)] : [s.size];
    }),
  );
  console.log(`cold start ${ratio(anchor.coldStartMs, ours.coldStartMs)}; peak RSS ours ${ours.peakRssMb?.toFixed(1)} MB, reference ${anchor.peakRssMb?.toFixed(1)} MB`);
}

function analysisTable(rows: AnalysisFigures[]): void {
  table(
    'Analysis alone, in process (parse + model + all rules; median ms)',
    ['lines', 'open', 'edit', 'model', 'rules', 'compl', 'def'],
    rows.map((r) => [r.size, ms(r.openMs), ms(r.editMs), ms(r.editModelMs), ms(r.editRulesMs), ms(r.completionMs), ms(r.definitionMs)]),
  );
}

/** The corpus beside the project, or an exit saying where it should be. */
function requireCorpus(): ThirdPartyData {
  const corpus = corpusData();
  if (!corpus.available) {
    console.error(`The benchmark reads real Dockerfiles: ${missingMessage(corpus)}.`);
    process.exit(1);
  }
  return corpus;
}

/** The real files: the corpus's first part (figures compare across sessions), or all with --all. */
function corpusFiles(): RealFile[] {
  const corpus = requireCorpus();
  const files = realFiles(corpus.root);
  if (everyCorpusFile) return files;
  const first = corpusFirstPart(corpus.root);
  return files.filter((file) => first.has(path.relative(corpus.root, file.path).split(path.sep).join('/')));
}

/** `--real`: both servers over the real-world corpus, one after another. */
async function real(serverArgv: readonly string[]): Promise<void> {
  const files = corpusFiles();
  log(`${files.length} real Dockerfiles from ${everyCorpusFile ? 'the whole real-world corpus' : "the real-world corpus's first part"}, opened one after another in one server.`);
  const results: RealFigures[] = [await measureReal('dockerfile-stages', serverArgv, files)];
  // The same without ShellCheck (a PATH without it): the analysis alone, as the reference has none.
  results.push(await measureReal('dockerfile-stages, no ShellCheck', serverArgv, files, { ...process.env, PATH: '/nonexistent' }));
  const anchorCommand = withAnchor ? anchorArgv(log) : null;
  if (anchorCommand) results.push(await measureReal(`${ANCHOR_PACKAGE} ${ANCHOR_VERSION}`, anchorCommand, files));
  // What any server on vscode-languageserver over stdio costs before doing any work.
  results.push(await measureReal('floor: a server that does nothing', [process.execPath, path.join(root, 'scripts', 'bench', 'floor-server.cjs'), '--stdio'], files));
  const mb = (n: number | null) => (n === null ? '?' : n.toFixed(1));
  table(
    'Real files (ms: median / p95 per file; RSS in MB)',
    ['server', 'cold pass', 'cold open', 'warm open', 'edit', 'idle RSS', 'RSS ×3 open'],
    results.map((r) => [r.server, ms(r.coldPassMs), `${ms(r.coldOpen.medianMs)} / ${ms(r.coldOpen.p95Ms)}`, `${ms(r.warmOpen.medianMs)} / ${ms(r.warmOpen.p95Ms)}`, `${ms(r.edit.medianMs)} / ${ms(r.edit.p95Ms)}`, mb(r.idleRssMb), mb(r.loadedRssMb)]),
  );
  const out = path.join(root, 'bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'real.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
  console.log('\nWritten: bench-results/real.json');
}

/** `--monorepo`: start-up, keystrokes while the index is read again, and the CLI, at monorepo scale. */
async function monorepo(serverArgv: readonly string[]): Promise<void> {
  const figures = await measureMonorepo(serverArgv, path.join(root, 'dist', 'cli.js'), corpusFiles());
  table(
    `Monorepo: ${figures.dockerfiles} Dockerfiles, ${figures.otherFiles} other files (ms; goals: start-up ≤ 300, re-indexing adds ≤ 5 to a keystroke, CLI ≤ 10,000)`,
    ['start → first diagnostics', 'keystroke', 'keystroke after a build file changed', `CLI check (${figures.cliFiles} files)`],
    [[ms(figures.startToFirstDiagnosticsMs), ms(figures.keystrokeMs), ms(figures.keystrokeAfterBuildFileChangeMs), ms(figures.cliCheckMs)]],
  );
  const out = path.join(root, 'bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'monorepo.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`);
  console.log('\nWritten: bench-results/monorepo.json');
}

async function main(): Promise<void> {
  if (spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
  // Started as the extension starts it: with its Node flags.
  const serverArgv = [process.execPath, ...SERVER_NODE_FLAGS, path.join(root, 'dist', 'server.js'), '--stdio'];
  if (args.includes('--real')) return real(serverArgv);
  if (args.includes('--monorepo')) return monorepo(serverArgv);
  log(`Sizes ${sizes.join(', ')} lines, ${runs} runs each (the reference server: 3 at 50,000 lines).`);
  const ours = await measureServer('dockerfile-stages', serverArgv, { sizes, runs: () => runs, coldRuns: 7, log });
  const anchorCommand = withAnchor ? anchorArgv(log) : null;
  const anchor = anchorCommand
    ? await measureServer(`${ANCHOR_PACKAGE} ${ANCHOR_VERSION}`, anchorCommand, { sizes, runs: (size) => (size >= 50_000 ? Math.min(3, runs) : runs), coldRuns: 7, log })
    : null;
  // The analysis reads RUN with the bash grammar, as the server and the CLI do.
  await loadShellParser({
    runtime: path.join(path.dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm'),
    bash: path.join(path.dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm'),
  });
  const analysis = measureAnalysis(sizes, (size) => (size >= 50_000 ? Math.min(5, runs) : Math.max(runs, 20)));

  serverTable(ours);
  if (anchor) {
    serverTable(anchor);
    ratioTable(ours, anchor);
  }
  analysisTable(analysis);
  const workspaceIndex = measureWorkspaceIndex(requireCorpus().root);
  table(
    'Workspace target index: walk, read and parse the build files (ms: the first walk; then the median of 5 more, unchanged build files keeping their parse; goal: 10,000 files under 2,000 ms)',
    ['workspace', 'files', 'build files', 'targets', 'first', 'again'],
    workspaceIndex.map((w) => [w.workspace, w.files, w.buildFiles, w.references, ms(w.firstMs), ms(w.medianMs)]),
  );
  const vsixBytes = (() => {
    try {
      return statSync(path.join(root, 'dockerfile-stages.vsix')).size;
    } catch {
      return null;
    }
  })();
  if (vsixBytes !== null) console.log(`\n.vsix: ${(vsixBytes / 1024).toFixed(0)} KiB`);

  const out = path.join(root, 'bench-results');
  mkdirSync(out, { recursive: true });
  const report = { date: new Date().toISOString(), node: process.version, runs, sizes, ours, anchor, analysis, workspaceIndex, vsixBytes };
  writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten: bench-results/latest.json`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
