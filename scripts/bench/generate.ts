/** Where the benchmark types, completes and jumps, in LSP positions. */
export interface Probes {
  /** The last line and its length: a character is typed there. */
  readonly lastLine: number;
  readonly lastLineLength: number;
  /** Right after `COPY --from=` in the last stage. */
  readonly completion: { line: number; character: number };
  /** Inside the stage name of that `--from=`. */
  readonly definition: { line: number; character: number };
  /** The line of the `FROM` that the definition must land on. */
  readonly definitionLine: number;
  readonly expectedStage: string;
}

export interface GeneratedDockerfile {
  readonly text: string;
  readonly lines: number;
  readonly stages: number;
  readonly probes: Probes;
}

const IMAGES = ['node:20-bookworm', 'golang:1.23', 'python:3.12-slim', 'alpine:3.20'];

/** One stage of a real-looking build step: comments, a continued ENV and RUN, a mount, a heredoc. */
function stage(k: number): string[] {
  const lines = [
    `# ---- stage ${k} ----`,
    k % 5 === 4 ? `FROM stage${k - 1} AS stage${k}` : `FROM ${IMAGES[k % IMAGES.length]} AS stage${k}`,
    `ARG VERSION_${k}=1.${k}.0`,
    `ENV APP_HOME=/srv/stage${k} \\`,
    `    BUILD_MODE=release`,
    `WORKDIR /srv/stage${k}`,
    k === 0 ? 'COPY package.json package-lock.json ./' : `COPY --from=stage${k - 1} /srv/stage${k - 1}/out ./in`,
    `RUN --mount=type=cache,target=/root/.cache \\`,
    `    # build step ${k}, version \${VERSION_${k}}`,
    `    mkdir -p out && echo "stage ${k} v\${VERSION_${k}}" > out/info.txt`,
  ];
  if (k % 3 === 0) lines.push('RUN <<EOF', `echo "heredoc of stage ${k}" >> out/info.txt`, 'EOF');
  else lines.push(`RUN echo "done ${k}" >> out/info.txt`, `# artifacts of stage ${k} are in out/`, '');
  return lines;
}

/**
 * A deterministic multi-stage Dockerfile of exactly `size` lines (at least three stages), whose
 * last stage copies from the one before it and ends with `RUN echo done`.
 */
export function generateDockerfile(size: number): GeneratedDockerfile {
  const header = ['# syntax=docker/dockerfile:1', '# generated for the benchmark; deterministic', 'ARG BASE_TAG=3.20'];
  const tail = ['USER 10001:10001', 'RUN echo done'];
  const perStage = stage(1).length;
  const stages = Math.max(3, Math.floor((size - header.length - tail.length) / perStage));
  const lines = [...header];
  let lastFrom = 0;
  for (let k = 0; k < stages; k++) {
    if (k === stages - 1) {
      const padding = size - lines.length - perStage - tail.length;
      for (let i = 0; i < padding; i++) lines.push(`# padding ${i}`);
    }
    if (k === stages - 1) lastFrom = lines.length + 1;
    lines.push(...stage(k));
  }
  lines.push(...tail);
  const copyLine = lastFrom + 5;
  if (!lines[copyLine]?.startsWith(`COPY --from=stage${stages - 2} `)) throw new Error('the generator lost its probe line');
  const previousFrom = lines.findIndex((line) => line.endsWith(` AS stage${stages - 2}`));
  return {
    text: `${lines.join('\n')}\n`,
    lines: lines.length,
    stages,
    probes: {
      lastLine: lines.length - 1,
      lastLineLength: (lines[lines.length - 1] as string).length,
      completion: { line: copyLine, character: 'COPY --from='.length },
      definition: { line: copyLine, character: 'COPY --from='.length + 3 },
      definitionLine: previousFrom,
      expectedStage: `stage${stages - 2}`,
    },
  };
}
