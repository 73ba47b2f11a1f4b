// `npm run bench -- --monorepo`: a generated monorepo of 2,000 Dockerfiles (the real-world corpus's,
// over and over) and 10,000 other files, with compose, Bake and workflow files naming targets.
// Measures start-up to the first diagnostics of an opened file (the workspace index is built for
// it), what re-indexing after a build file changed adds to a keystroke's diagnostics, and the CLI
// checking all 2,000 files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession } from './lsp-session';
import type { RealFile } from './real';

export interface MonorepoFigures {
  readonly dockerfiles: number;
  readonly otherFiles: number;
  /** Spawn → first diagnostics of one opened Dockerfile (the index of the whole workspace is read for it). */
  readonly startToFirstDiagnosticsMs: number;
  /** A keystroke's diagnostics, median of 9, with nothing else going on. */
  readonly keystrokeMs: number;
  /** The same right after a build file of the workspace changed (it is read again), median of 9. */
  readonly keystrokeAfterBuildFileChangeMs: number;
  /** `dockerfile-stages check <monorepo>`, wall time. */
  readonly cliCheckMs: number;
  readonly cliFiles: number;
}

const DOCKERFILES = 2_000;
const OTHER_FILES = 10_000;

function generate(files: readonly RealFile[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dfs-bench-monorepo-'));
  mkdirSync(path.join(root, '.git'));
  mkdirSync(path.join(root, '.github', 'workflows'), { recursive: true });
  const bake: string[] = [];
  for (let i = 0; i < DOCKERFILES; i++) {
    const app = path.join(root, 'apps', `app-${i}`);
    mkdirSync(path.join(app, 'src'), { recursive: true });
    const source = files[i % files.length] as RealFile;
    writeFileSync(path.join(app, 'Dockerfile'), source.text);
    for (let k = 0; k < OTHER_FILES / DOCKERFILES; k++) writeFileSync(path.join(app, 'src', `module-${k}.ts`), `export const value${k} = ${i * 10 + k};\n`);
    const stage = /^\s*FROM\s+\S+\s+AS\s+(\S+)/gim.exec(source.text)?.[1];
    if (i % 10 === 0 && stage) writeFileSync(path.join(app, 'compose.yaml'), `services:\n  app:\n    build:\n      context: .\n      target: ${stage}\n`);
    if (i % 20 === 0 && stage) bake.push(`target "app-${i}" {\n  context = "apps/app-${i}"\n  target = "${stage}"\n}\n`);
    if (i % 40 === 0) writeFileSync(path.join(root, '.github', 'workflows', `app-${i}.yml`), `on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: apps/app-${i}\n          push: true\n`);
  }
  writeFileSync(path.join(root, 'docker-bake.hcl'), bake.join('\n'));
  return root;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function measureMonorepo(serverArgv: readonly string[], cli: string, files: readonly RealFile[]): Promise<MonorepoFigures> {
  const root = generate(files);
  try {
    const session = new LspSession(serverArgv, { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    await session.initialize(pathToFileURL(root).href);
    const file = path.join(root, 'apps', 'app-1000', 'Dockerfile');
    const uri = pathToFileURL(file).href;
    const text = (files[1000 % files.length] as RealFile).text;
    const first = session.diagnostics(uri, 1);
    session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    const startToFirstDiagnosticsMs = (await first).at - session.startedAt;
    let version = 1;
    const keystroke = async (): Promise<number> => {
      version++;
      const next = session.diagnostics(uri, version);
      const sent = performance.now();
      session.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: version % 2 === 0 ? '#' : '' }] });
      return (await next).at - sent;
    };
    const quiet: number[] = [];
    for (let i = 0; i < 9; i++) quiet.push(await keystroke());
    const afterChange: number[] = [];
    const compose = pathToFileURL(path.join(root, 'apps', 'app-10', 'compose.yaml')).href;
    for (let i = 0; i < 9; i++) {
      session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: compose, type: 2 }] });
      afterChange.push(await keystroke());
    }
    await session.stop();
    const started = performance.now();
    const run = spawnSync(process.execPath, [cli, 'check', root, '--format', 'json', '--fail-level', 'none'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
    const cliCheckMs = performance.now() - started;
    const cliFiles = run.status === 0 ? (JSON.parse(run.stdout) as unknown[]).length : -1;
    return { dockerfiles: DOCKERFILES, otherFiles: OTHER_FILES, startToFirstDiagnosticsMs, keystrokeMs: median(quiet), keystrokeAfterBuildFileChangeMs: median(afterChange), cliCheckMs, cliFiles };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
