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

/** Words of one command line: quotes removed, `$VAR` kept as written; stops at a comment. */
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

/** Finds the image builds in shell text: scripts, Makefile recipes, CI `run:` steps. */
export function findBuildCommands(text: string, lineOffset = 0): BuildCommand[] {
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
