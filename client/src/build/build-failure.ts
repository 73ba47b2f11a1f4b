/**
 * What a failed `docker build` says about where and why, read from its output. Pure, so that it is
 * tested without VS Code. BuildKit prints, after the progress:
 *
 *     ------
 *      > [build 3/3] RUN make:
 *     0.121 make: *** No rule to make target 'all'.
 *     ------
 *     Dockerfile:3
 *     --------------------
 *        3 | >>> RUN make
 *     --------------------
 *     ERROR: failed to build: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2
 *
 * The progress is for people and changes between versions; this block is what every version since
 * BuildKit 0.9 prints for a failed step or a Dockerfile error, so only it is read.
 */
export interface BuildFailure {
  /** 1-based first and last line in the Dockerfile. */
  readonly line: number;
  readonly endLine: number;
  /** The step as BuildKit names it (`[build 3/3] RUN make`), when the failure is a step's. */
  readonly step: string | null;
  /** BuildKit's error, without the `failed to build: failed to solve:` prefixes. */
  readonly error: string;
  /** The step's last lines of output, as BuildKit repeats them (at most five). */
  readonly output: readonly string[];
}

const MAX_OUTPUT_LINES = 5;

/** Reads the failure of a build whose Dockerfile is named `dockerfileName`; null when none is told. */
export function readBuildFailure(text: string, dockerfileName: string): BuildFailure | null {
  const lines = text.split(/\r?\n/);
  let error: string | null = null;
  for (let i = lines.length - 1; i >= 0 && error === null; i--) {
    const match = /^ERROR: (.*)$/.exec(lines[i] as string);
    if (match) error = cleanError(match[1] as string);
  }
  if (error === null) return null;
  const name = escapeRegExp(dockerfileName);
  let location: { line: number; endLine: number; index: number } | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    // `Dockerfile:3`, `Dockerfile:3-5`, or the path as given to -f.
    const match = new RegExp(`^(?:.*[\\\\/])?${name}:(\\d+)(?:-(\\d+))?$`).exec((lines[i] as string).trim());
    if (match) {
      const line = Number(match[1]);
      location = { line, endLine: match[2] ? Number(match[2]) : line, index: i };
      break;
    }
  }
  if (!location) return null;
  const { step, output } = stepBefore(lines, location.index);
  return { line: location.line, endLine: location.endLine, step, error, output };
}

/** The ` > [stage n/m] INSTRUCTION:` block just before the location, with the output it repeats. */
function stepBefore(lines: readonly string[], locationIndex: number): { step: string | null; output: string[] } {
  for (let i = locationIndex - 1; i >= 0 && i >= locationIndex - 60; i--) {
    const match = /^ > (\[.*\] .*):$/.exec(lines[i] as string);
    if (!match) continue;
    const output: string[] = [];
    for (let j = i + 1; j < locationIndex && !(lines[j] as string).startsWith('------'); j++) {
      // BuildKit puts the seconds since the step started before each line: `0.121 failing`.
      const text = (lines[j] as string).replace(/^\d+\.\d+ /, '').trimEnd();
      if (text !== '') output.push(text);
    }
    return { step: match[1] as string, output: output.slice(-MAX_OUTPUT_LINES) };
  }
  return { step: null, output: [] };
}

function cleanError(text: string): string {
  let error = text.trim();
  for (const prefix of ['failed to build: ', 'failed to solve: ', 'failed to compute cache key: ']) {
    if (error.startsWith(prefix)) error = error.slice(prefix.length);
  }
  return error;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The Problems entry's text: the step, BuildKit's error, and the step's last output. */
export function failureMessage(failure: BuildFailure): string {
  const head = failure.step ? `${failure.step} failed: ${failure.error}` : failure.error;
  return failure.output.length > 0 ? `${head}\n${failure.output.join('\n')}` : head;
}
