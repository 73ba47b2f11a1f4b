import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BuildProgress } from '../../../common/build-progress';
import {
  instructionKey,
  markCacheBreaks,
  readHistory,
  resultsOnLines,
  stageShapes,
  stageTimes,
  targetStageIndex,
  type BuildRecord,
  type HistoryEntry,
  type InstructionResult,
  type StageShape,
} from '../../../common/build-results';
import type { StagesSource } from '../stages-source';
import { historyArgv, imageSizeArgv, removeImageArgv, untaggedBuildArgv, type Argv, type BuildSettings } from './build-args';

/** A query of the engine after a build is given this long. */
const QUERY_TIMEOUT_MS = 20_000;

/** What a stage of the last build took and weighs. */
export interface StageOutcome {
  readonly stage: number;
  readonly seconds: number;
  readonly cached: boolean;
  /** The stage's image size in bytes: the target's after the build, the others' once weighed. */
  imageBytes: number | null;
}

/** The last build of a Dockerfile, as its lines and the Stages view show it. */
export interface BuildOutcome {
  readonly target: string | null;
  readonly targetIndex: number;
  /** The engine's exit code. */
  readonly code: number;
  readonly results: readonly InstructionResult[];
  readonly stages: StageOutcome[];
  /** Each result line's text when it was built: a line whose text changed shows nothing. */
  readonly lineTexts: ReadonlyMap<number, string>;
}

/** What a build was, for the store to read its results when it ends. */
export interface FinishedBuild {
  readonly uri: vscode.Uri;
  readonly target: string | null;
  readonly code: number;
  readonly progress: BuildProgress;
  readonly argv: Argv;
  readonly settings: BuildSettings;
  /** The argv that builds another stage the same way (to weigh it from the cache). */
  readonly stageArgv: (target: string) => Argv;
  readonly cwd: string;
}

/**
 * The results of the builds started from the editor, per Dockerfile: kept until its next build,
 * dropped when a build is cancelled or cannot start. Per Dockerfile and target, what each build
 * was given, so the next one can tell why its cache broke.
 */
export class BuildResults implements vscode.Disposable {
  private readonly outcomes = new Map<string, BuildOutcome>();
  private readonly records = new Map<string, BuildRecord>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly source: StagesSource) {}

  get(uri: vscode.Uri): BuildOutcome | null {
    return this.outcomes.get(uri.toString()) ?? null;
  }

  /** A new build of the file: the last one's results go (they would be stale). */
  started(uri: vscode.Uri): void {
    if (this.outcomes.delete(uri.toString())) this.changed.fire(uri);
  }

  async finished(build: FinishedBuild): Promise<void> {
    const key = build.uri.toString();
    // Cancelled (Ctrl+C), killed, or the engine was not found: nothing to show.
    if (build.code === 127 || build.code === 130 || build.code === 143) {
      this.outcomes.delete(key);
      this.changed.fire(build.uri);
      return;
    }
    const document = await vscode.workspace.openTextDocument(build.uri);
    const shapes = stageShapes((await this.source.get(document)).stages);
    const targetIndex = targetStageIndex(shapes, build.target);
    const tag = build.argv.args[build.argv.args.indexOf('-t') + 1];
    const history = build.code === 0 && tag ? await this.history(build.settings, tag, build.cwd) : null;
    const record = recordOf(document, shapes, build.settings.buildArgs);
    const recordKey = `${key}|${build.target ?? ''}`;
    const results = markCacheBreaks(resultsOnLines(build.progress.steps(), shapes, targetIndex, history), shapes, record, this.records.get(recordKey) ?? null);
    this.records.set(recordKey, record);
    const lineTexts = new Map(results.map((result) => [result.line, document.lineAt(result.line).text]));
    const stages: StageOutcome[] = [...stageTimes(results)].map(([stage, time]) => ({ stage, ...time, imageBytes: null }));
    const outcome: BuildOutcome = { target: build.target, targetIndex, code: build.code, results, stages, lineTexts };
    this.outcomes.set(key, outcome);
    this.changed.fire(build.uri);
    if (build.code === 0 && tag) await this.weigh(build, outcome, shapes, tag);
  }

  /** The image sizes: the target's, then each other stage the build built, from the cache, one at a time. */
  private async weigh(build: FinishedBuild, outcome: BuildOutcome, shapes: readonly StageShape[], tag: string): Promise<void> {
    const size = async (image: string) => Number((await run(imageSizeArgv(build.settings, image), build.cwd)).stdout.trim()) || null;
    const target = outcome.stages.find((stage) => stage.stage === outcome.targetIndex);
    if (target) target.imageBytes = await size(tag);
    this.changed.fire(build.uri);
    if (!vscode.workspace.getConfiguration('dockerfileStages.build', build.uri).get<boolean>('weighStages', true)) return;
    for (const stage of outcome.stages) {
      const name = shapes[stage.stage]?.name;
      if (stage.stage === outcome.targetIndex || !name || this.outcomes.get(build.uri.toString()) !== outcome) continue;
      const folder = mkdtempSync(path.join(tmpdir(), 'dfs-weigh-'));
      try {
        const iidfile = path.join(folder, 'iid');
        const built = await run(untaggedBuildArgv(build.stageArgv(name), iidfile), build.cwd);
        if (built.code !== 0) continue;
        const id = readFileSync(iidfile, 'utf8').trim();
        stage.imageBytes = await size(id);
        await run(removeImageArgv(build.settings, id), build.cwd);
        this.changed.fire(build.uri);
      } catch {
        // A stage that cannot be weighed shows its time only.
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  }

  private async history(settings: BuildSettings, image: string, cwd: string): Promise<HistoryEntry[] | null> {
    const result = await run(historyArgv(settings, image), cwd);
    return result.code === 0 ? readHistory(result.stdout) : null;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The text of each instruction now, and the build arguments given. */
function recordOf(document: vscode.TextDocument, stages: readonly StageShape[], buildArgs: Readonly<Record<string, string>>): BuildRecord {
  const texts = new Map<string, string>();
  for (const stage of stages) {
    stage.instructions.forEach((instruction, i) => {
      if (instruction.endLine >= document.lineCount) return;
      texts.set(instructionKey(stage.index, i), document.getText(new vscode.Range(instruction.line, 0, instruction.endLine, Number.MAX_SAFE_INTEGER)));
    });
  }
  return { texts, buildArgs: { ...buildArgs } };
}

/** Runs an argv (never a shell) with a timeout; its exit code and output. */
function run(argv: Argv, cwd: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(argv.command, argv.args, { cwd, timeout: QUERY_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout) });
    });
  });
}
