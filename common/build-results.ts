import type { StepResult } from './build-progress';
import type { StageInfo } from './protocol';

/**
 * What a build did, on the lines of the Dockerfile: time or cached per instruction, the layer it
 * added, where the cache broke and why. Pure: the client shows it, the CLI prints it.
 */

/** A stage as the results need it: its instructions in order (the FROM first). */
export interface StageShape {
  readonly index: number;
  readonly name: string | null;
  /** The stage it is built FROM, or null for an image. */
  readonly fromStage: number | null;
  readonly instructions: readonly { readonly line: number; readonly endLine: number; readonly keyword: string }[];
}

/** The shapes of the stages the server describes (`dockerfileStages/stages`). */
export function stageShapes(stages: readonly StageInfo[]): StageShape[] {
  return stages.map((stage) => ({
    index: stage.index,
    name: stage.name,
    fromStage: stage.uses?.find((use) => use.how === 'FROM')?.stage ?? null,
    instructions: stage.instructions ?? [],
  }));
}

/** One entry of `docker image history`, oldest first. */
export interface HistoryEntry {
  readonly createdBy: string;
  readonly bytes: number;
}

export interface InstructionResult {
  /** 0-based first and last line of the instruction. */
  readonly line: number;
  readonly endLine: number;
  readonly stage: number;
  readonly keyword: string;
  readonly cached: boolean;
  /** Seconds it took; null when it did not finish (the build failed or stopped there). */
  readonly seconds: number | null;
  /** The size of the layer it added to the image that was built, when it is in that image. */
  readonly layerBytes: number | null;
  readonly error: string | null;
  /** Set on the first step of a stage that was not cached when earlier builds were: why, when it can be told. */
  readonly cacheBroken?: string;
}

/** Instructions BuildKit runs as steps (`[stage n/m]`); the others only change the image config. */
const STEP_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR']);

/** The stage a build's target builds: by name, without case as BuildKit compares; the last when none is given; -1 when no stage has it. */
export function targetStageIndex(stages: readonly { readonly name: string | null }[], target: string | null): number {
  if (target === null) return stages.length - 1;
  const wanted = target.toLowerCase();
  return stages.findIndex((stage) => stage.name?.toLowerCase() === wanted);
}

/** The BuildKit name of a stage: its name in lower case, or `stage-<index>`. */
export function buildkitStageName(stage: Pick<StageShape, 'index' | 'name'>): string {
  return stage.name !== null ? stage.name.toLowerCase() : `stage-${stage.index}`;
}

/**
 * Puts each step on its instruction: the n-th step of a stage is its n-th instruction that BuildKit
 * runs (a FROM of another stage is no step of its own). With several platforms, the first one's
 * steps are taken. Layer sizes come from the built image's history, whose last entries are the
 * target's instructions (every one but FROM), through the stages it is built FROM.
 */
export function resultsOnLines(steps: readonly StepResult[], stages: readonly StageShape[], target: number, history: readonly HistoryEntry[] | null): InstructionResult[] {
  const platform = steps.find((step) => step.platform !== null)?.platform ?? null;
  const byStage = new Map<string, StepResult[]>();
  for (const step of steps) {
    if (step.platform !== platform) continue;
    const list = byStage.get(step.stage) ?? [];
    list.push(step);
    byStage.set(step.stage, list);
  }
  const sizes = layerSizes(stages, target, history);
  const results: InstructionResult[] = [];
  for (const stage of stages) {
    // A one-stage Dockerfile's steps carry no stage name.
    const unnamed = stages.length === 1 ? (byStage.get('') ?? []) : [];
    const ran = [...(byStage.get(buildkitStageName(stage)) ?? []), ...unnamed].sort((a, b) => a.step - b.step);
    if (ran.length === 0) continue;
    const runnable = stage.instructions.filter((instruction, i) => STEP_KEYWORDS.has(instruction.keyword) && !(i === 0 && stage.fromStage !== null));
    for (const step of ran) {
      const instruction = runnable[step.step - 1];
      // A step count that does not fit the file (it changed since) puts nothing anywhere.
      if (!instruction || step.steps !== runnable.length || !step.text.toUpperCase().startsWith(instruction.keyword)) continue;
      results.push({
        line: instruction.line,
        endLine: instruction.endLine,
        stage: stage.index,
        keyword: instruction.keyword,
        cached: step.cached,
        seconds: step.seconds,
        layerBytes: sizes.get(instruction.line) ?? null,
        error: step.error,
      });
    }
  }
  return results.sort((a, b) => a.line - b.line);
}

/** Sizes of the target's layers by line, when the image's history lines up with its instructions. */
function layerSizes(stages: readonly StageShape[], target: number, history: readonly HistoryEntry[] | null): Map<number, number> {
  const sizes = new Map<number, number>();
  if (!history) return sizes;
  const chain: StageShape[] = [];
  for (let stage = stages[target]; stage && !chain.includes(stage); stage = stage.fromStage === null ? undefined : stages[stage.fromStage]) chain.unshift(stage);
  const instructions = chain.flatMap((stage) => stage.instructions.slice(1));
  if (instructions.length > history.length) return sizes;
  const entries = history.slice(history.length - instructions.length);
  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i] as StageShape['instructions'][number];
    const entry = entries[i] as HistoryEntry;
    // BuildKit writes each entry as the instruction it was (`RUN /bin/sh -c …`, `COPY … # buildkit`).
    if (!entry.createdBy.trimStart().toUpperCase().startsWith(instruction.keyword)) return new Map();
    if (entry.bytes > 0) sizes.set(instruction.line, entry.bytes);
  }
  return sizes;
}

/** What a build was given, to tell the next one why its cache broke. */
export interface BuildRecord {
  /** Each instruction's text, by stage index and position in the stage. */
  readonly texts: ReadonlyMap<string, string>;
  readonly buildArgs: Readonly<Record<string, string>>;
}

export function instructionKey(stage: number, position: number): string {
  return `${stage}:${position}`;
}

/**
 * Marks the first step of each stage that was not cached, when an earlier build of the same file
 * and target is known (a first build breaks no cache), with the reason when it can be told.
 */
export function markCacheBreaks(
  results: readonly InstructionResult[],
  stages: readonly StageShape[],
  now: BuildRecord,
  before: BuildRecord | null,
): InstructionResult[] {
  if (!before) return [...results];
  const marked = new Set<number>();
  return results.map((result) => {
    // A FROM that is not cached may only have been looked up again (0 ms): its steps tell.
    if (result.cached || result.error !== null || result.keyword === 'FROM' || marked.has(result.stage)) return result;
    marked.add(result.stage);
    const stage = stages[result.stage];
    const position = stage ? stage.instructions.findIndex((instruction) => instruction.line === result.line) : -1;
    return { ...result, cacheBroken: stage ? reasonFor(stage, position, now, before) : 'cache broken here' };
  });
}

function reasonFor(stage: StageShape, position: number, now: BuildRecord, before: BuildRecord): string {
  const text = (record: BuildRecord, i: number) => record.texts.get(instructionKey(stage.index, i));
  const instruction = stage.instructions[position];
  if (!instruction) return 'cache broken here';
  if (text(now, position) !== text(before, position)) return 'cache broken here: the instruction changed';
  for (let i = 0; i < position; i++) {
    const keyword = stage.instructions[i]?.keyword;
    if ((keyword === 'ARG' || keyword === 'ENV') && text(now, i) !== text(before, i)) return `cache broken here: the ${keyword} on line ${(stage.instructions[i]?.line ?? 0) + 1} changed`;
  }
  const changedArgs = Object.keys({ ...now.buildArgs, ...before.buildArgs }).filter((key) => now.buildArgs[key] !== before.buildArgs[key]);
  const declared = changedArgs.filter((key) => stage.instructions.slice(0, position).some((_, i) => new RegExp(`^ARG\\s+${key}\\b`).test(text(now, i) ?? '')));
  if (declared.length > 0) return `cache broken here: build argument ${declared.join(', ')} changed`;
  const written = text(now, position) ?? '';
  if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && /--from[= ]/i.test(written)) return 'cache broken here: the stage it copies from changed';
  if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') return 'cache broken here: the files it copies changed';
  if (/--mount=[^\s]*type=bind|--mount=(?![^\s]*type=)/i.test(written)) return 'cache broken here: the files it mounts changed';
  return 'cache broken here';
}

/** How long each stage took to build and whether all of it came from the cache. */
export function stageTimes(results: readonly InstructionResult[]): Map<number, { seconds: number; cached: boolean }> {
  const times = new Map<number, { seconds: number; cached: boolean }>();
  for (const result of results) {
    const current = times.get(result.stage) ?? { seconds: 0, cached: true };
    times.set(result.stage, { seconds: current.seconds + (result.seconds ?? 0), cached: current.cached && result.cached });
  }
  return times;
}

/** `1.2 s`, `340 ms`; `cached`. */
export function describeTime(result: Pick<InstructionResult, 'cached' | 'seconds'>): string {
  if (result.cached) return 'cached';
  if (result.seconds === null) return 'did not finish';
  return result.seconds < 1 ? `${Math.round(result.seconds * 1000)} ms` : `${result.seconds.toFixed(1)} s`;
}

/** `12.3 MB` in decimal units, as Docker shows sizes. */
export function describeBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Reads `docker image history --no-trunc --human=false --format '{{.Size}}\t{{.CreatedBy}}'` (newest first) into oldest-first entries. */
export function readHistory(text: string): HistoryEntry[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      return { bytes: Number(tab < 0 ? line : line.slice(0, tab)) || 0, createdBy: tab < 0 ? '' : line.slice(tab + 1) };
    })
    .reverse();
}
