/**
 * BuildKit's structured progress (`--progress=rawjson`): one JSON `SolveStatus` per line, with the
 * build's vertices (each Dockerfile step is one), their times, whether they were cached, and their
 * logs. Read here into step results, and rendered back as the readable lines `--progress=plain`
 * would show, so the terminal stays readable. Pure: the client and the CLI both use it.
 */

/** A vertex as BuildKit reports it (times are RFC 3339 strings). */
interface RawVertex {
  readonly digest: string;
  readonly name?: string;
  readonly started?: string;
  readonly completed?: string;
  readonly cached?: boolean;
  readonly error?: string;
}

interface RawLog {
  readonly vertex: string;
  /** Base64 bytes. */
  readonly data: string;
}

/** Progress within a vertex: `naming to docker.io/library/app:build`, `transferring context:`. */
interface RawVertexStatus {
  readonly id: string;
  readonly vertex: string;
  readonly completed?: string;
}

interface RawStatus {
  readonly vertexes?: readonly RawVertex[] | null;
  readonly statuses?: readonly RawVertexStatus[] | null;
  readonly logs?: readonly RawLog[] | null;
}

/** What the build did at one Dockerfile step (`[build 3/5] RUN make`). */
export interface StepResult {
  /**
   * The stage as BuildKit names it: its name in lower case, or `stage-<index>` (from 0); empty
   * when the Dockerfile has one stage (BuildKit then writes `[2/3] RUN make`).
   */
  readonly stage: string;
  /** 1 is the stage's FROM; each instruction after it counts one. */
  readonly step: number;
  readonly steps: number;
  /** The platform of a multi-platform build (`linux/arm64`), else null. */
  readonly platform: string | null;
  /** The instruction as BuildKit shows it, after the `[stage n/m]` prefix. */
  readonly text: string;
  readonly cached: boolean;
  /** Seconds it took; null when it did not finish. */
  readonly seconds: number | null;
  readonly error: string | null;
}

const STEP_NAME = /^\[(?:([a-z0-9]+\/[a-z0-9]+(?:\/[a-z0-9.]+)?) )?(?:([^\s\]/]+) )?(\d+)\/(\d+)\] ([\s\S]*)$/;
/** A failed step's last lines of output, repeated after it as BuildKit's plain progress does. */
const KEPT_LOG_LINES = 5;

/** Reads rawjson progress line by line; lines that are not progress are kept as text. */
export class BuildProgress {
  private readonly vertices = new Map<string, RawVertex>();
  /** Vertex numbers as the plain printer gives them (#1, #2…), in order of first sight. */
  private readonly numbers = new Map<string, number>();
  private readonly shown = new Set<string>();
  private readonly lastLogs = new Map<string, string[]>();
  /** A line not ended yet, per output stream. */
  private readonly partial = new Map<string, string>();

  /**
   * Takes a chunk of one output stream (stdout, stderr): reads its ended lines, keeps the rest for
   * the next chunk, and returns what a person should see for them.
   */
  readChunk(stream: string, chunk: string): string {
    const lines = ((this.partial.get(stream) ?? '') + chunk).split('\n');
    this.partial.set(stream, lines.pop() ?? '');
    return lines.map((line) => this.read(line)).join('');
  }

  /** At the end of the output: reads what is left unended in every stream. */
  flush(): string {
    const rest = [...this.partial.values()].filter((text) => text !== '').map((text) => this.read(text)).join('');
    this.partial.clear();
    return rest;
  }

  /**
   * Takes one line of the build's output and returns what a person should see for it: the plain
   * progress lines for a status, the line itself for anything else (BuildKit's error summary).
   */
  read(line: string): string {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) return line === '' ? '' : `${line}\n`;
    let status: RawStatus;
    try {
      status = JSON.parse(trimmed) as RawStatus;
    } catch {
      return `${line}\n`;
    }
    if (typeof status !== 'object' || status === null) return `${line}\n`;
    let out = '';
    for (const vertex of status.vertexes ?? []) {
      if (typeof vertex?.digest !== 'string') continue;
      const previous = this.vertices.get(vertex.digest);
      const merged: RawVertex = { ...previous, ...vertex };
      this.vertices.set(vertex.digest, merged);
      const number = this.numberOf(vertex.digest);
      if (!this.shown.has(`start ${vertex.digest}`) && merged.name && (merged.started || merged.cached)) {
        this.shown.add(`start ${vertex.digest}`);
        out += `#${number} ${merged.name}\n`;
      }
      if (merged.error && !this.shown.has(`end ${vertex.digest}`)) {
        this.shown.add(`end ${vertex.digest}`);
        out += `#${number} ERROR: ${merged.error}\n`;
        // The block the plain printer ends a failed step with: where, and its last output.
        const logs = this.lastLogs.get(vertex.digest) ?? [];
        out += `------\n > ${merged.name ?? ''}:\n${logs.map((line) => `${line}\n`).join('')}------\n`;
      } else if (merged.cached && !this.shown.has(`end ${vertex.digest}`)) {
        this.shown.add(`end ${vertex.digest}`);
        out += `#${number} CACHED\n\n`;
      } else if (merged.completed && !this.shown.has(`end ${vertex.digest}`)) {
        this.shown.add(`end ${vertex.digest}`);
        out += `#${number} DONE ${(secondsOf(merged) ?? 0).toFixed(1)}s\n\n`;
      }
    }
    for (const item of status.statuses ?? []) {
      if (typeof item?.id !== 'string' || typeof item.vertex !== 'string' || !item.completed || this.shown.has(`status ${item.vertex} ${item.id}`)) continue;
      this.shown.add(`status ${item.vertex} ${item.id}`);
      out += `#${this.numberOf(item.vertex)} ${item.id} done\n`;
    }
    for (const log of status.logs ?? []) {
      if (typeof log?.vertex !== 'string' || typeof log.data !== 'string') continue;
      const text = decodeBase64(log.data);
      const number = this.numberOf(log.vertex);
      const kept = this.lastLogs.get(log.vertex) ?? [];
      for (const part of text.split('\n')) {
        if (part === '') continue;
        out += `#${number} ${part}\n`;
        kept.push(part);
      }
      this.lastLogs.set(log.vertex, kept.slice(-KEPT_LOG_LINES));
    }
    return out;
  }

  /** The Dockerfile steps seen so far, each with its last state, in order of first sight. */
  steps(): StepResult[] {
    const results: StepResult[] = [];
    for (const vertex of this.vertices.values()) {
      const match = STEP_NAME.exec(vertex.name ?? '');
      if (!match) continue;
      results.push({
        stage: (match[2] ?? '').toLowerCase(),
        step: Number(match[3]),
        steps: Number(match[4]),
        platform: match[1] ?? null,
        text: match[5] as string,
        cached: vertex.cached === true,
        seconds: vertex.cached ? 0 : secondsOf(vertex),
        error: vertex.error ? vertex.error : null,
      });
    }
    return results;
  }

  private numberOf(digest: string): number {
    let number = this.numbers.get(digest);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(digest, number);
    }
    return number;
  }
}

function secondsOf(vertex: RawVertex): number | null {
  if (!vertex.started || !vertex.completed) return null;
  const ms = Date.parse(vertex.completed) - Date.parse(vertex.started);
  return Number.isFinite(ms) ? Math.max(0, ms) / 1000 : null;
}

function decodeBase64(data: string): string {
  // atob works in Node and in the browser; bytes are taken as UTF-8.
  const binary = atob(data);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
