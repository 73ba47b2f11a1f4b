import { shippedStages } from '../model/stage-graph';
import { logicalText } from '../model/logical-line';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { BoundedCache } from '../support/bounded-cache';
import { commandsOfTree, readCommands, word } from './read-commands';
import type { RunScript, ShellKind, ShellParser, SimpleCommand } from './types';
import { variablesOfTree, type ShellVariables } from './variables';

let registered: ShellParser | null = null;

/**
 * Sets the shell parser the command model uses. The edge loads it (a WebAssembly grammar) once at
 * start; until then, and in tools that never load it, RUNs read as not parsed and rules that need
 * their commands stay silent.
 */
export function registerShellParser(parser: ShellParser | null): void {
  registered = parser;
  cache = new WeakMap();
  parsedTexts.clear();
}

/**
 * Commands read from a script's text, kept across documents and models: a reopened file, a diff
 * view or an edit in another stage reads the same RUN texts again. The commands hold offsets into
 * the text only, so one answer serves every document; the oldest go first past the limit.
 */
const parsedTexts = new BoundedCache<ParsedText>(1000);

/** What one parse of a script gives: its commands, and the variables it expands and sets. */
interface ParsedText {
  readonly commands: SimpleCommand[];
  readonly hasErrors: boolean;
  readonly variables: ShellVariables;
}

function commandsOf(parser: ShellParser, text: string): ParsedText {
  return parsedTexts.get(text, (script) => parser.parse(script, (root) => ({ ...commandsOfTree(root, parser), variables: variablesOfTree(root) })));
}

/** The commands of a shell file (a script the build context holds), or null before the parser is ready. */
export function scriptFileCommands(text: string): readonly SimpleCommand[] | null {
  return registered ? commandsOf(registered, text).commands : null;
}

const NO_VARIABLES: ShellVariables = { uses: [], assigned: new Set() };
const variablesOfScript = new WeakMap<RunScript, ShellVariables>();

/**
 * The variables a RUN read as shell expands and sets; null when it was not read as shell. Kept
 * with the script: the parse cache is bounded, and a big file's RUNs would parse again.
 */
export function scriptVariables(script: RunScript): ShellVariables | null {
  if (!script.parsed || !registered) return null;
  if (!script.text.includes('$')) return NO_VARIABLES;
  let variables = variablesOfScript.get(script);
  if (!variables) {
    variables = commandsOf(registered, script.text).variables;
    variablesOfScript.set(script, variables);
  }
  return variables;
}

export function shellParserReady(): boolean {
  return registered !== null;
}

/**
 * Per RUN instruction and shell: the model hands out the same instruction object while its text and
 * line are unchanged. A script maps to document offsets, which an edit of an earlier line moves
 * though the instruction stays: the script is kept with the offset it was read at.
 */
let cache = new WeakMap<Instruction, Map<ShellKind, { readonly script: RunScript; readonly at: number }>>();

/** A RUN (or ONBUILD RUN) read as its shell would run it. */
export function runScript(model: DockerfileModel, run: Instruction, stage: Stage, windowsBase = false): RunScript {
  const shell = shellOf(model, stage, run, windowsBase);
  let byShell = cache.get(run);
  if (!byShell) {
    byShell = new Map();
    cache.set(run, byShell);
  }
  const at = (model.lineStarts[run.range.start.line] ?? 0) + run.range.start.character;
  const cached = byShell.get(shell);
  if (cached && cached.at === at) return cached.script;
  const script = read(model, run, shell);
  byShell.set(shell, { script, at });
  return script;
}

/** The `SHELL` in effect before `run`, along the stage's FROM chain; `/bin/sh`, or cmd on Windows. */
export function shellOf(model: DockerfileModel, stage: Stage, run: Instruction, windowsBase: boolean): ShellKind {
  let kind: ShellKind = windowsBase ? 'cmd' : 'sh';
  for (const s of shippedStages(model, stage)) {
    for (const instruction of s.instructions) {
      if (instruction === run) return kind;
      if (instruction.keyword === 'SHELL') kind = shellKindOf(execArgs(model, instruction)?.[0] ?? '');
    }
  }
  return kind;
}

function shellKindOf(program: string): ShellKind {
  const name = program.replace(/^.*[/\\]/, '').toLowerCase().replace(/\.exe$/, '');
  if (name === 'sh' || name === 'ash' || name === 'dash' || name === 'busybox') return 'sh';
  if (name === 'bash' || name === 'zsh') return 'bash';
  if (name === 'powershell' || name === 'pwsh') return 'powershell';
  if (name === 'cmd') return 'cmd';
  return 'other';
}

function read(model: DockerfileModel, run: Instruction, shell: ShellKind): RunScript {
  const lineText = commandLine(model, run);
  const posix = shell === 'sh' || shell === 'bash';
  if (run.jsonForm) return execForm(model, run, shell);
  const heredoc = run.heredocs[0];
  const body = heredoc ? heredocBody(model, run) : null;
  // `RUN <<EOF` (or `RUN bash <<EOF`): the heredoc body is the script.
  const bodyIsScript = body !== null && /^\s*((\/(usr\/)?bin\/)?(ba|da|a)?sh(\s+-[a-z]+)*\s+)?<<-?\s*['"]?\w+['"]?\s*$/.test(lineText.text);
  const source = bodyIsScript && body ? body : joinMaps(lineText, body, heredoc?.name ?? '');
  if (!posix || !registered) return unparsed(shell, source);
  const { commands, hasErrors } = commandsOf(registered, source.text);
  return { shell, text: source.text, parsed: true, hasErrors, commands, documentOffset: (offset) => source.map[Math.min(offset, source.map.length - 1)] ?? 0 };
}

interface Mapped {
  readonly text: string;
  /** The document offset of each script character, plus one for the end (kept with each RUN's script: a typed array is half the size). */
  readonly map: ArrayLike<number>;
}

function unparsed(shell: ShellKind, source: Mapped): RunScript {
  return { shell, text: source.text, parsed: false, hasErrors: false, commands: [], documentOffset: (offset) => source.map[Math.min(offset, source.map.length - 1)] ?? 0 };
}

/** The command line after the flags, as BuildKit hands it to the shell. */
function commandLine(model: DockerfileModel, run: Instruction): Mapped {
  const lastFlag = run.flags[run.flags.length - 1];
  return logicalText(model, run, lastFlag ? lastFlag.range.end : run.keywordRange.end);
}

/** The first heredoc's body lines, as written (`<<-` strips leading tabs, as the shell does). */
function heredocBody(model: DockerfileModel, run: Instruction): Mapped | null {
  const heredoc = run.heredocs[0];
  if (!heredoc?.contentRange) return null;
  const stripTabs = /<<-/.test(model.text.slice(offsetOf(model, heredoc.markerRange.start), offsetOf(model, heredoc.markerRange.end)));
  const text: string[] = [];
  const map: number[] = [];
  for (let line = heredoc.contentRange.start.line; line <= heredoc.contentRange.end.line; line++) {
    const lineStart = model.lineStarts[line] ?? model.text.length;
    const lineEnd = (model.lineStarts[line + 1] ?? model.text.length + 1) - 1;
    let content = model.text.slice(lineStart, Math.max(lineStart, lineEnd)).replace(/\r$/, '');
    let start = lineStart;
    if (stripTabs) {
      const tabs = content.length - content.replace(/^\t+/, '').length;
      content = content.slice(tabs);
      start += tabs;
    }
    for (let i = 0; i < content.length; i++) {
      text.push(content[i] as string);
      map.push(start + i);
    }
    text.push('\n');
    map.push(start + content.length);
  }
  map.push((map[map.length - 1] ?? 0) + 1);
  return { text: text.join(''), map };
}

/** The command line, then the heredoc body and its delimiter, as one text the shell reads. */
function joinMaps(line: Mapped, body: Mapped | null, delimiter: string): Mapped {
  if (!body) return line;
  const end = body.map[body.map.length - 1] ?? 0;
  return {
    text: `${line.text}\n${body.text}${delimiter}`,
    map: [...Array.from(line.map), ...Array.prototype.slice.call(body.map, 0, -1), ...Array.from({ length: delimiter.length + 1 }, () => end)],
  };
}

/** `RUN ["apt-get", "install", "-y", "curl"]`: one command, no shell; `["sh", "-c", "…"]` is read as shell. */
function execForm(model: DockerfileModel, run: Instruction, shell: ShellKind): RunScript {
  const args = execArgs(model, run);
  const start = run.args[0] ? offsetOf(model, run.args[0].range.start) : 0;
  const map = [start];
  if (!args || args.length === 0) return unparsed(shell, { text: '', map });
  const program = args[0]?.replace(/^.*\//, '') ?? '';
  const dashC = args.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
  if (/^(sh|bash|ash|dash)$/.test(program) && dashC > 0 && args[dashC + 1] !== undefined && registered) {
    const script = args[dashC + 1] as string;
    const { commands, hasErrors } = readCommands(registered, script);
    return { shell: program === 'bash' ? 'bash' : 'sh', text: script, parsed: true, hasErrors, commands, documentOffset: () => start };
  }
  const words = args.map((value, i) => ({ text: JSON.stringify(value), value, start: i, end: i + 1 }));
  const command: SimpleCommand = {
    program: program || null,
    name: words[0] as ReturnType<typeof word>,
    args: words.slice(1),
    assignments: [],
    joiner: 'start',
    conditional: false,
    condition: null,
    nested: false,
    via: null,
    redirects: [],
    start: 0,
    end: args.length,
  };
  return { shell, text: args.join(' '), parsed: true, hasErrors: false, commands: [command], documentOffset: () => start };
}

/** The strings of an exec-form (JSON array) instruction, or null when it is not valid JSON. */
export function execArgs(model: DockerfileModel, instruction: Instruction): string[] | null {
  const first = instruction.args[0];
  const last = instruction.args[instruction.args.length - 1];
  if (!first || !last) return null;
  try {
    const parsed: unknown = JSON.parse(model.text.slice(offsetOf(model, first.range.start), offsetOf(model, last.range.end)).replace(new RegExp(`\\${model.escapeChar}\\r?\\n`, 'g'), ''));
    return Array.isArray(parsed) && parsed.every((a) => typeof a === 'string') ? (parsed as string[]) : null;
  } catch {
    return null;
  }
}

function offsetOf(model: DockerfileModel, position: { line: number; character: number }): number {
  return (model.lineStarts[position.line] ?? model.text.length) + position.character;
}
