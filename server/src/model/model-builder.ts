import { parseChunk, shiftInstructions } from './chunk-parser';
import { collectReferences } from './references';
import { computeLineStarts, lineEndOffset, scanDocument, type ChunkSpan } from './scanner';
import { buildStage, collectGlobalArgs } from './stage-builder';
import type { DockerfileModel, Instruction, Stage } from './types';

interface CachedChunk {
  /** A flat copy of the chunk's text, the cache key. */
  readonly key: string;
  /** The line the instructions are placed at. */
  readonly placedAt: number;
  readonly placed: readonly Instruction[];
}

/**
 * Chunks of every open document, by text and line, shared between their builders: the same file
 * opened twice (a diff, a second URI, a re-open) is parsed and held once. A chunk no document
 * uses any more is kept among the last few hundred let go, for a file closed and opened again.
 */
/** About a hundred closed files' worth of stages, a few MB at most. */
const MAX_RELEASED_CHUNKS = 400;

export class SharedChunks {
  private readonly byText = new Map<string, Map<number, { chunk: CachedChunk; users: Set<ModelBuilder> }>>();
  private readonly used = new Map<ModelBuilder, readonly CachedChunk[]>();
  /** Chunks no document uses, newest last, by text and line. */
  private readonly released = new Map<string, CachedChunk>();

  get(key: string, line: number): CachedChunk | undefined {
    return this.byText.get(key)?.get(line)?.chunk ?? this.released.get(`${line}\0${key}`);
  }

  /** `user` now uses exactly `chunks`. */
  use(user: ModelBuilder, chunks: readonly CachedChunk[]): void {
    for (const chunk of chunks) {
      let placements = this.byText.get(chunk.key);
      if (!placements) {
        placements = new Map();
        this.byText.set(chunk.key, placements);
      }
      const entry = placements.get(chunk.placedAt) ?? { chunk, users: new Set<ModelBuilder>() };
      entry.users.add(user);
      placements.set(chunk.placedAt, entry);
    }
    const kept = new Set(chunks);
    for (const chunk of this.used.get(user) ?? []) {
      if (kept.has(chunk)) continue;
      const placements = this.byText.get(chunk.key);
      const entry = placements?.get(chunk.placedAt);
      if (!placements || !entry || entry.chunk !== chunk) continue;
      entry.users.delete(user);
      if (entry.users.size > 0) continue;
      placements.delete(chunk.placedAt);
      if (placements.size === 0) this.byText.delete(chunk.key);
      this.keepReleased(chunk);
    }
    this.used.set(user, chunks);
  }

  private keepReleased(chunk: CachedChunk): void {
    const key = `${chunk.placedAt}\0${chunk.key}`;
    this.released.delete(key);
    this.released.set(key, chunk);
    if (this.released.size > MAX_RELEASED_CHUNKS) this.released.delete(this.released.keys().next().value as string);
  }

  release(user: ModelBuilder): void {
    this.use(user, []);
    this.used.delete(user);
  }

  /** How many distinct chunk placements are held. */
  get size(): number {
    let count = 0;
    for (const placements of this.byText.values()) count += placements.size;
    return count;
  }
}

/**
 * Builds models for successive versions of one document. Each stage chunk is parsed once and
 * cached by its text, so an edit re-parses only the chunk it touched; chunks that merely moved are
 * shifted, not parsed again. Only the chunks of the latest version are kept.
 */
export interface BuildStats {
  /** Chunks parsed by dockerfile-ast in the last build (whole, or instruction by instruction). */
  readonly parsedChunks: number;
  /** Instructions parsed again inside chunks that changed; the others were taken from the chunk's last version. */
  readonly parsedInstructions: number;
  /** Chunks taken from the cache in the last build (moved or not). */
  readonly reusedChunks: number;
  /** Of the reused chunks, those that moved and had their positions shifted. */
  readonly shiftedChunks: number;
}

export class ModelBuilder {
  private cache = new Map<string, CachedChunk>();
  /** The chunks of the last build, in order: a chunk that changed is compared with its predecessor. */
  private previous: CachedChunk[] = [];
  private strings = new Map<string, string>();
  private counts = { parsedChunks: 0, parsedInstructions: 0, reusedChunks: 0, shiftedChunks: 0 };

  /** With `shared`, chunks already parsed for another open document are taken from there. */
  constructor(private readonly shared?: SharedChunks) {}

  /** What the last `build` parsed and reused. */
  get lastBuildStats(): BuildStats {
    return { ...this.counts };
  }

  build(text: string): DockerfileModel {
    this.counts = { parsedChunks: 0, parsedInstructions: 0, reusedChunks: 0, shiftedChunks: 0 };
    const scan = scanDocument(text);
    const nextCache = new Map<string, CachedChunk>();
    let preamble: readonly Instruction[] = [];
    const stages: Stage[] = [];
    const current: CachedChunk[] = [];
    // Typing inside a stage keeps the number of chunks: chunk i then follows chunk i of the last build.
    const predecessors = this.previous.length === scan.chunks.length ? this.previous : [];
    // Texts parsed in this build are shared between its chunks.
    this.strings = new Map();
    for (const [i, chunk] of scan.chunks.entries()) {
      const cached = this.chunkOf(chunk, text, scan.lineStarts, scan.escapeChar, nextCache, predecessors[i]);
      current.push(cached);
      const instructions = cached.placed;
      if (chunk.kind === 'preamble') {
        preamble = instructions;
      } else if (instructions[0]?.keyword === 'FROM') {
        stages.push(buildStage(stages.length, instructions, chunk.firstLine, chunk.lastLine, { text, lineStarts: scan.lineStarts, escapeChar: scan.escapeChar }));
      }
    }
    this.cache = nextCache;
    this.previous = current;
    this.shared?.use(this, current);
    this.strings = new Map();
    const stageIndexByName = new Map<string, number>();
    for (const stage of stages) {
      if (stage.normalizedName !== null && !stageIndexByName.has(stage.normalizedName)) {
        stageIndexByName.set(stage.normalizedName, stage.index);
      }
    }
    const globalArgs = collectGlobalArgs(preamble, { text, lineStarts: scan.lineStarts, escapeChar: scan.escapeChar });
    return {
      text,
      lineStarts: scan.lineStarts,
      escapeChar: scan.escapeChar,
      directives: scan.directives,
      preamble,
      globalArgs,
      stages,
      references: collectReferences(stages, stageIndexByName, globalArgs),
      stageIndexByName,
      problems: scan.problems,
      pragmas: scan.pragmas,
      blankContinuationLines: scan.blankContinuationLines,
    };
  }

  private chunkOf(
    chunk: ChunkSpan,
    text: string,
    lineStarts: readonly number[],
    escapeChar: string,
    nextCache: Map<string, CachedChunk>,
    predecessor: CachedChunk | undefined,
  ): CachedChunk {
    const start = lineStarts[chunk.firstLine] as number;
    const end = chunk.lastLine + 1 < lineStarts.length ? (lineStarts[chunk.lastLine + 1] as number) : text.length;
    // A stage chunk is parsed on its own, so it is told the file's escape character.
    const prefix = chunk.kind === 'stage' && escapeChar !== '\\' ? `# escape=${escapeChar}\n` : '';
    const key = prefix + text.slice(start, end);
    const elsewhere = this.shared?.get(key, chunk.firstLine);
    if (elsewhere) {
      nextCache.set(elsewhere.key, elsewhere);
      this.counts.reusedChunks++;
      return elsewhere;
    }
    let cached = this.cache.get(key) ?? nextCache.get(key);
    if (!cached) {
      // Keep a flat copy of the key: a slice would keep the whole document text alive.
      const ownKey = flatCopy(key);
      const prefixLines = prefix === '' ? 0 : 1;
      const placed = endsInEscapedEscape(chunk, text, lineStarts, escapeChar)
        ? this.parseBySpans(chunk, text, lineStarts, prefix)
        : ((predecessor && predecessor.key.startsWith(prefix) ? this.reparseChanged(chunk, text, lineStarts, prefix, predecessor) : null) ??
          parseChunk(ownKey, chunk.firstLine - prefixLines, this.strings).instructions);
      cached = { key: ownKey, placedAt: chunk.firstLine, placed };
      this.counts.parsedChunks++;
    } else {
      this.counts.reusedChunks++;
      if (cached.placedAt !== chunk.firstLine) this.counts.shiftedChunks++;
    }
    // A chunk that moved gets its own placed copy; the cached one may be another document's.
    if (cached.placedAt !== chunk.firstLine) {
      cached = { key: cached.key, placedAt: chunk.firstLine, placed: shiftInstructions(cached.placed, chunk.firstLine - cached.placedAt) };
    }
    nextCache.set(cached.key, cached);
    return cached;
  }

  /**
   * A chunk parsed instruction by instruction, at the spans the scanner found, each without its
   * line break: dockerfile-ast continues a line that ends in an escaped escape (`echo a\\`),
   * which BuildKit ends there.
   */
  private parseBySpans(chunk: ChunkSpan, text: string, lineStarts: readonly number[], prefix: string): Instruction[] {
    const prefixLines = prefix === '' ? 0 : 1;
    return chunk.instructions.flatMap(([first, last]) => {
      const piece = text.slice(lineStarts[first] as number, lineEndOffset(text, lineStarts, last));
      this.counts.parsedInstructions++;
      return parseChunk(prefix + piece, first - prefixLines, this.strings).instructions;
    });
  }

  /**
   * A changed chunk, parsed instruction by instruction: an instruction whose lines read as in the
   * chunk's last version is taken from it (moved if it moved), so a keystroke parses one
   * instruction. Each is parsed with the same escape character as the whole chunk would be.
   * Null when dockerfile-ast reads an instruction's lines as more (or less) than one instruction
   * within them, as it may on broken input: then only a parse of the whole chunk is faithful.
   */
  private reparseChanged(chunk: ChunkSpan, text: string, lineStarts: readonly number[], prefix: string, predecessor: CachedChunk): Instruction[] | null {
    const before = instructionsByText(predecessor, prefix);
    const prefixLines = prefix === '' ? 0 : 1;
    const instructions: Instruction[] = [];
    for (const [first, last] of chunk.instructions) {
      const pieceEnd = last + 1 < lineStarts.length ? (lineStarts[last + 1] as number) : text.length;
      const piece = text.slice(lineStarts[first] as number, pieceEnd);
      const known = before.get(piece);
      if (known) {
        instructions.push(...shiftInstructions([known.instruction], first - known.line));
      } else {
        const parsed = parseChunk(prefix + piece, first - prefixLines, this.strings).instructions;
        this.counts.parsedInstructions++;
        const only = parsed[0];
        if (parsed.length !== 1 || !only || only.range.start.line !== first || only.range.end.line > last) return null;
        instructions.push(only);
      }
    }
    return instructions;
  }
}

/** The instructions of a chunk's last version by the text of their lines, with their first line. */
function instructionsByText(chunk: CachedChunk, prefix: string): Map<string, { instruction: Instruction; line: number }> {
  const lineStarts = computeLineStarts(chunk.key);
  // Document line -> line in the key, which may start with an escape directive line.
  const keyLine = (line: number): number => line - chunk.placedAt + (prefix === '' ? 0 : 1);
  const byText = new Map<string, { instruction: Instruction; line: number }>();
  for (const instruction of chunk.placed) {
    const first = keyLine(instruction.range.start.line);
    const last = keyLine(instruction.range.end.line);
    const start = lineStarts[first];
    if (start === undefined) continue;
    const end = last + 1 < lineStarts.length ? (lineStarts[last + 1] as number) : chunk.key.length;
    byText.set(chunk.key.slice(start, end), { instruction, line: instruction.range.start.line });
  }
  return byText;
}

/** True when an instruction of the chunk ends on a line whose last escape is escaped (`\\\\`). */
function endsInEscapedEscape(chunk: ChunkSpan, text: string, lineStarts: readonly number[], escapeChar: string): boolean {
  return chunk.instructions.some(([, last]) => {
    const line = text.slice(lineStarts[last] as number, lineEndOffset(text, lineStarts, last)).replace(/[ \t]+$/, '');
    return line.endsWith(escapeChar + escapeChar);
  });
}

/** Builds a model without keeping a cache (tests, one-off checks). */
export function buildModel(text: string): DockerfileModel {
  return new ModelBuilder().build(text);
}

function flatCopy(s: string): string {
  return s.length < 16 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
