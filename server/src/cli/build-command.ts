import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BuildProgress } from '../../../common/build-progress';
import { describeBytes, describeTime, readHistory, resultsOnLines, stageShapes, targetStageIndex, type InstructionResult } from '../../../common/build-results';
import { shippingFor } from '../engine/lint';
import { stagesOf } from '../features/stages';
import { buildModel } from '../model/model-builder';
import { lineText } from '../model/queries';
import { UsageError, type Command } from './args';

type BuildCommand = Extract<Command, { name: 'build' }>;

/** One instruction's result as the JSON output gives it (lines 1-based). */
export interface BuildResultEntry {
  readonly line: number;
  readonly endLine: number;
  readonly stage: string;
  readonly instruction: string;
  readonly text: string;
  readonly cached: boolean;
  readonly seconds: number | null;
  readonly layerBytes: number | null;
  readonly error: string | null;
}

/**
 * `dockerfile-stages build`: runs `docker build` (argv, never a shell) with BuildKit's structured
 * progress, shows it readable on stderr, and prints what each instruction took: its time or
 * cached, the layer it added. The exit code is the build's.
 */
export async function runBuild(command: BuildCommand, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  let text: string;
  try {
    text = readFileSync(command.file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${command.file}.`);
  }
  const model = buildModel(text);
  const stages = stagesOf(model, shippingFor(model), []).stages;
  const target = targetStageIndex(stages, command.target);
  if (target < 0) throw new UsageError(`'${command.target}' is no stage of ${command.file} (its stages: ${stages.flatMap((s) => (s.name ? [s.name] : [])).join(', ') || 'none named'}).`);
  const folder = mkdtempSync(path.join(tmpdir(), 'dfs-build-'));
  const iidfile = path.join(folder, 'iid');
  const context = command.context ?? path.dirname(path.resolve(command.file));
  const args = ['build', ...(command.target ? ['--target', command.target] : []), '-f', command.file, '--iidfile', iidfile, ...command.buildArgs, '--progress=rawjson', context];
  try {
    const progress = new BuildProgress();
    const code = await spawnBuild(command.engine, args, progress, err);
    let history = null;
    if (code === 0) {
      const id = readFileSync(iidfile, 'utf8').trim();
      const result = spawnSync(command.engine, ['image', 'history', '--no-trunc', '--human=false', '--format', '{{.Size}}\t{{.CreatedBy}}', id], { encoding: 'utf8', timeout: 30_000 });
      history = result.status === 0 ? readHistory(result.stdout) : null;
    }
    const results = resultsOnLines(progress.steps(), stageShapes(stages), target, history);
    const entries = results.map((result) => entryOf(result, stages[result.stage]?.name ?? `stage ${result.stage + 1}`, lineText(model, result.line).trim()));
    out(command.format === 'json' ? `${JSON.stringify({ file: command.file, target: command.target, exitCode: code, instructions: entries }, null, 2)}\n` : textOf(entries, code));
    return code;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function entryOf(result: InstructionResult, stage: string, text: string): BuildResultEntry {
  return {
    line: result.line + 1,
    endLine: result.endLine + 1,
    stage,
    instruction: result.keyword,
    text,
    cached: result.cached,
    seconds: result.seconds,
    layerBytes: result.layerBytes,
    error: result.error,
  };
}

function textOf(entries: readonly BuildResultEntry[], code: number): string {
  const rows = entries.map((entry) => {
    const time = entry.error !== null ? 'failed' : describeTime(entry);
    const size = entry.layerBytes !== null ? `+${describeBytes(entry.layerBytes)}` : '';
    return `${String(entry.line).padStart(5)}  ${entry.stage.padEnd(12)} ${time.padEnd(14)} ${size.padEnd(9)} ${entry.text}`;
  });
  return `${['', ' line  stage        time           layer     instruction', ...rows, '', code === 0 ? 'The build succeeded.' : `The build failed (exit code ${code}).`].join('\n')}\n`;
}

/** Spawns the build (no shell) and shows its progress readable as it comes. */
function spawnBuild(command: string, args: readonly string[], progress: BuildProgress, err: (text: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { shell: false, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => err(progress.readChunk('stdout', chunk.toString())));
    child.stderr.on('data', (chunk: Buffer) => err(progress.readChunk('stderr', chunk.toString())));
    child.on('error', (error: NodeJS.ErrnoException) => {
      err(`${error.code === 'ENOENT' ? `'${command}' was not found.` : error.message}\n`);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      err(progress.flush());
      resolve(code ?? (signal ? 130 : 1));
    });
  });
}
