import type { TargetPurpose } from './types';

/** A `docker build` (or `buildx build`, `podman build`, `buildah bud`) found in shell text. */
export interface BuildCommand {
  /** `-f` / `--file`, as written; null for the default `Dockerfile` of the context. */
  readonly file: string | null;
  readonly target: string | null;
  /** The context argument as written; null when missing or `-` (stdin). */
  readonly context: string | null;
  readonly purpose: TargetPurpose;
  /** `-t` / `--tag` values, as written. */
  readonly tags: readonly string[];
  /** Names of `--build-context name=…`. */
  readonly namedContexts: readonly string[];
  /** 0-based line of the text where the command starts. */
  readonly line: number;
}

/** Options of `docker build` that take a value as the next word (when not written `--opt=value`). */
const WITH_VALUE = new Set([
  '-f', '--file', '--target', '-t', '--tag', '-o', '--output', '--build-arg', '--build-context', '--cache-from', '--cache-to',
  '--label', '--platform', '--progress', '--secret', '--ssh', '--network', '--add-host', '--iidfile', '--metadata-file',
  '--builder', '--allow', '--annotation', '--attest', '--shm-size', '--ulimit', '--cgroup-parent', '-m', '--memory',
  '--memory-swap', '--cpu-shares', '--cpu-period', '--cpu-quota', '--cpuset-cpus', '--cpuset-mems', '--isolation',
  '--security-opt', '--call', '--policy', '--sbom', '--provenance', '--layers', '--format', '--jobs', '--timestamp',
]);

/** Splits shell text into logical lines (continuations joined) with the line each starts on. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.split(/\r?\n/);
  let current = '';
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (current === '') start = i;
    if (/\\\s*$/.test(line)) current += `${line.replace(/\\\s*$/, '')} `;
    else {
      out.push({ text: current + line, line: start });
      current = '';
    }
  }
  if (current !== '') out.push({ text: current, line: start });
  return out;
}

/** Words of one command line: quotes removed, `$VAR` and `$(…)` kept as written; stops at a comment. */
function words(text: string): string[] {
  const result: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '$' && text[i + 1] === '(') {
      // `$(VERSION)` (make) or `$(git describe)` (shell): one part of the word, brackets and all.
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      word += text.slice(i, j + 1);
      inWord = true;
      i = j;
    } else if (/\s/.test(c)) {
      if (inWord) result.push(word);
      word = '';
      inWord = false;
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
      if (inWord) result.push(word);
      result.push(c);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) result.push(word);
  return result;
}

const SEPARATORS = new Set([';', '|', '&', '(', ')']);

/**
 * Finds the image builds in shell text: scripts, Makefile recipes, CI `run:` steps. A build whose
 * tag the same text then runs with the working tree mounted (`docker run -v $(PWD):/pkg tag`) makes
 * a tool run over the sources (a package builder, a dev shell): its layers reach no one.
 */
export function findBuildCommands(text: string, lineOffset = 0): BuildCommand[] {
  const builds = findBuilds(text, lineOffset);
  if (builds.length === 0 || !/\brun\b/.test(text)) return builds;
  const overSources = imagesRunOverSources(text);
  return builds.map((build) => (build.purpose === 'build' && build.tags.some((tag) => overSources.has(tag)) ? { ...build, purpose: 'dev' } : build));
}

/** `-v`/`--volume` sources and `--mount` bind sources that are the working tree. */
/** (`$$` is make's way to write a `$` for the shell.) */
const WORKING_TREE = /^(\.|\.\/.*|\$?\$\{?PWD\}?.*|\$?\$\((PWD|CURDIR|pwd|shell pwd)\).*|\$\{\{\s*github\.workspace\s*\}\}.*|`pwd`.*)$/;
/** Options of `docker run` that take a value as the next word. */
const RUN_WITH_VALUE = new Set(['-v', '--volume', '--mount', '-e', '--env', '--env-file', '-w', '--workdir', '--name', '--network', '--net', '-p', '--publish', '--platform', '--entrypoint', '-u', '--user', '-l', '--label', '--add-host', '--cap-add', '--cap-drop', '--device', '--security-opt', '--tmpfs', '-h', '--hostname', '--ulimit', '--shm-size', '-m', '--memory', '--cpus', '--gpus', '--pull', '--log-driver', '--log-opt', '--restart', '--runtime', '--user-ns', '--pid', '--ipc', '--uts', '--volumes-from']);

/** The images (as written) that `docker run` commands of the text start with the working tree mounted. */
function imagesRunOverSources(text: string): Set<string> {
  const images = new Set<string>();
  for (const logical of logicalLines(text)) {
    const all = words(logical.text);
    for (let i = 0; i < all.length; i++) {
      const tool = (all[i] ?? '').replace(/^.*\//, '');
      if ((tool !== 'docker' && tool !== 'podman' && tool !== 'nerdctl') || (all[i + 1] !== 'run' && !(all[i + 1] === 'container' && all[i + 2] === 'run'))) continue;
      let mountsTree = false;
      let j = i + (all[i + 1] === 'run' ? 2 : 3);
      for (; j < all.length && !SEPARATORS.has(all[j] as string); j++) {
        const arg = all[j] as string;
        const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
        const name = eq > 0 ? arg.slice(0, eq) : arg;
        if (!name.startsWith('-')) break;
        const value = eq > 0 ? arg.slice(eq + 1) : RUN_WITH_VALUE.has(name) ? (all[++j] ?? '') : '';
        if ((name === '-v' || name === '--volume') && WORKING_TREE.test(value.split(':')[0] ?? '')) mountsTree = true;
        if (name === '--mount' && /type=bind/.test(value) && WORKING_TREE.test(/(?:source|src)=([^,]+)/.exec(value)?.[1] ?? '')) mountsTree = true;
      }
      const image = all[j];
      if (mountsTree && image && !SEPARATORS.has(image)) images.add(image);
      i = j;
    }
  }
  return images;
}

function findBuilds(text: string, lineOffset: number): BuildCommand[] {
  const found: BuildCommand[] = [];
  for (const logical of logicalLines(text)) {
    if (!/\b(build|bud)\b/.test(logical.text)) continue;
    const all = words(logical.text);
    for (let i = 0; i < all.length; i++) {
      const length = buildVerbLength(all, i);
      if (length === 0) continue;
      let end = i + length;
      while (end < all.length && !SEPARATORS.has(all[end] as string)) end++;
      const command = parseBuild(all.slice(i + length, end), logical.line + lineOffset);
      if (command) found.push(command);
      i = end;
    }
  }
  return found;
}

/** How many words make the build verb at `i` (`docker build` 2, `docker buildx build` 3), or 0. */
function buildVerbLength(all: readonly string[], i: number): number {
  const tool = (all[i] ?? '').replace(/^.*\//, '');
  const next = all[i + 1];
  if (tool === 'buildah' && next === 'bud') return 2;
  if (tool === 'buildah' && next === 'build') return 2;
  if (tool !== 'docker' && tool !== 'podman' && tool !== 'nerdctl') return 0;
  if (next === 'build') return 2;
  if ((next === 'buildx' || next === 'image') && all[i + 2] === 'build') return 3;
  return 0;
}

/** The build's options, or null when it has no context argument (a half-written or generated command). */
function parseBuild(args: readonly string[], line: number): BuildCommand | null {
  let file: string | null = null;
  let target: string | null = null;
  let push = false;
  let output: string | null = null;
  const tags: string[] = [];
  const namedContexts: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | null = eq > 0 ? arg.slice(eq + 1) : null;
    if (value === null && WITH_VALUE.has(name)) value = args[++i] ?? null;
    if (!name.startsWith('-') || name === '-') {
      positionals.push(arg);
      continue;
    }
    if (name === '-f' || name === '--file') file = value;
    else if (name === '--target') target = value;
    else if (name === '-o' || name === '--output') output = value;
    else if (name === '--push') push = true;
    else if ((name === '-t' || name === '--tag') && value !== null) tags.push(value);
    else if (name === '--build-context' && value !== null && value.includes('=')) namedContexts.push(value.slice(0, value.indexOf('=')));
  }
  const purpose: TargetPurpose = output !== null
    ? /type=(image|registry)/.test(output) ? (/push=true/.test(output) || output.includes('registry') ? 'ship' : 'build') : /type=cacheonly/.test(output) ? 'test' : 'export'
    : push ? 'ship' : 'build';
  const context = positionals[positionals.length - 1] ?? null;
  if (context === null) return null;
  return { file, target, context: context === '-' ? null : context, purpose, tags, namedContexts, line };
}
