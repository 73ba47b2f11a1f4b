import { parseChunk, shiftInstructions } from './chunk-parser';
import { collectReferences } from './references';
import { scanDocument, type ChunkSpan } from './scanner';
import { buildStage, collectGlobalArgs } from './stage-builder';
import type { DockerfileModel, Instruction, Stage } from './types';

interface CachedChunk {
  /** A flat copy of the chunk's text, the cache key. */
  readonly key: string;
  /** The instructions placed at the line the chunk stood at last time; only one copy is kept. */
  placedAt: number;
  placed: readonly Instruction[];
}

/**
 * Builds models for successive versions of one document. Each stage chunk is parsed once and
 * cached by its text, so an edit re-parses only the chunk it touched; chunks that merely moved are
 * shifted, not parsed again. Only the chunks of the latest version are kept.
 */
export interface BuildStats {
  /** Chunks parsed by dockerfile-ast in the last build. */
  readonly parsedChunks: number;
  /** Chunks taken from the cache in the last build (moved or not). */
  readonly reusedChunks: number;
  /** Of the reused chunks, those that moved and had their positions shifted. */
  readonly shiftedChunks: number;
}

export class ModelBuilder {
  private cache = new Map<string, CachedChunk>();
  private counts = { parsedChunks: 0, reusedChunks: 0, shiftedChunks: 0 };

  /** What the last `build` parsed and reused. */
  get lastBuildStats(): BuildStats {
    return { ...this.counts };
  }

  build(text: string): DockerfileModel {
    this.counts = { parsedChunks: 0, reusedChunks: 0, shiftedChunks: 0 };
    const scan = scanDocument(text);
    const nextCache = new Map<string, CachedChunk>();
    let preamble: readonly Instruction[] = [];
    const stages: Stage[] = [];
    for (const chunk of scan.chunks) {
      const instructions = this.instructionsOf(chunk, text, scan.lineStarts, scan.escapeChar, nextCache);
      if (chunk.kind === 'preamble') {
        preamble = instructions;
      } else if (instructions[0]?.keyword === 'FROM') {
        stages.push(buildStage(stages.length, instructions, chunk.firstLine, chunk.lastLine));
      }
    }
    this.cache = nextCache;
    const stageIndexByName = new Map<string, number>();
    for (const stage of stages) {
      if (stage.normalizedName !== null && !stageIndexByName.has(stage.normalizedName)) {
        stageIndexByName.set(stage.normalizedName, stage.index);
      }
    }
    return {
      text,
      lineStarts: scan.lineStarts,
      escapeChar: scan.escapeChar,
      directives: scan.directives,
      preamble,
      globalArgs: collectGlobalArgs(preamble),
      stages,
      references: collectReferences(stages, stageIndexByName),
      stageIndexByName,
      problems: scan.problems,
      pragmas: scan.pragmas,
      blankContinuationLines: scan.blankContinuationLines,
    };
  }

  private instructionsOf(
    chunk: ChunkSpan,
    text: string,
    lineStarts: readonly number[],
    escapeChar: string,
    nextCache: Map<string, CachedChunk>,
  ): readonly Instruction[] {
    const start = lineStarts[chunk.firstLine] as number;
    const end = chunk.lastLine + 1 < lineStarts.length ? (lineStarts[chunk.lastLine + 1] as number) : text.length;
    // A stage chunk is parsed on its own, so it is told the file's escape character.
    const prefix = chunk.kind === 'stage' && escapeChar !== '\\' ? `# escape=${escapeChar}\n` : '';
    const key = prefix + text.slice(start, end);
    let cached = this.cache.get(key) ?? nextCache.get(key);
    if (!cached) {
      // Keep a flat copy of the key: a slice would keep the whole document text alive.
      const ownKey = flatCopy(key);
      const parsed = parseChunk(ownKey, chunk.firstLine - (prefix === '' ? 0 : 1));
      cached = { key: ownKey, placedAt: chunk.firstLine, placed: parsed.instructions };
      nextCache.set(ownKey, cached);
      this.counts.parsedChunks++;
    } else {
      if (!nextCache.has(key)) nextCache.set(cached.key, cached);
      this.counts.reusedChunks++;
      if (cached.placedAt !== chunk.firstLine) this.counts.shiftedChunks++;
    }
    if (cached.placedAt !== chunk.firstLine) {
      cached.placed = shiftInstructions(cached.placed, chunk.firstLine - cached.placedAt);
      cached.placedAt = chunk.firstLine;
    }
    return cached.placed;
  }
}

/** Builds a model without keeping a cache (tests, one-off checks). */
export function buildModel(text: string): DockerfileModel {
  return new ModelBuilder().build(text);
}

function flatCopy(s: string): string {
  return s.length < 16 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
