// The shell files of the build context a RUN runs (`./clean.sh`, `bash /scripts/setup.sh`,
// `. /opt/env.sh`): what a RUN does includes what they do.
import { shippedStages } from '../model/stage-graph';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { scriptFileCommands } from '../shell/run-script';
import type { RunScript, SimpleCommand } from '../shell/types';
import { contextSources } from './context-files';
import type { BuildContext } from './rule';
import { resolvePath } from './stage-state';

export interface CalledScript {
  /** Where the RUN runs it, in the image. */
  readonly path: string;
  /** Its commands; null when it comes from the context but cannot be read (no context, not listed, too big). */
  readonly commands: readonly SimpleCommand[] | null;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', '.', 'source']);

/**
 * The scripts a RUN runs that a COPY or ADD of the build context put in the image (or a bind
 * mount of it shows), read from the context. Scripts from elsewhere (a download, another stage, the
 * base image) are not listed: nothing tells what they do.
 */
export function calledScripts(model: DockerfileModel, stage: Stage, run: Instruction, script: RunScript, context: BuildContext | null): CalledScript[] {
  const found: CalledScript[] = [];
  const { workdir, copies } = imageFilesBefore(model, stage, run);
  for (const command of script.commands) {
    const written = scriptPathOf(command);
    if (!written) continue;
    const path = resolvePath(workdir, written);
    const sources = contextPathsOf(path, copies);
    if (sources.length === 0) continue;
    const text = sources.map((source) => context?.readFile?.(source) ?? null).find((t) => t !== null) ?? null;
    found.push({ path, commands: text === null ? null : scriptFileCommands(text) });
  }
  return found;
}

/** The file a command runs as a script: `./x.sh`, `/scripts/x`, or the file given to a shell (`bash x.sh`, `. x.sh`). */
function scriptPathOf(command: SimpleCommand): string | null {
  const name = command.name.value;
  if (!name) return null;
  if (SHELLS.has(command.program ?? '')) {
    if (command.args.some((a) => a.value === '-c')) return null;
    const file = command.args.find((a) => !(a.value ?? '').startsWith('-'))?.value;
    return file && !file.includes('$') ? file : null;
  }
  return name.includes('/') && !name.includes('$') ? name : null;
}

/** A COPY or ADD of context files, or a bind mount of the context: sources and where they land. */
interface ContextCopy {
  readonly sources: readonly string[];
  readonly destination: string;
  /** `COPY a b /dir/` or a destination ending in `/`: each source lands inside it. */
  readonly intoFolder: boolean;
}

/** The WORKDIR in force at the RUN and the context copies before it along the stage's FROM chain, latest first. */
function imageFilesBefore(model: DockerfileModel, stage: Stage, run: Instruction): { workdir: string; copies: ContextCopy[] } {
  let workdir = '/';
  const copies: ContextCopy[] = [];
  for (const s of shippedStages(model, stage)) {
    for (const instruction of s.instructions) {
      if (instruction === run) {
        for (const flag of run.flags) {
          const option = (name: string) => flag.options.find((o) => o.name === name)?.value;
          if (flag.name.toLowerCase() !== 'mount' || option('type') !== 'bind' || option('from')) continue;
          const target = option('target') ?? option('dst') ?? option('destination');
          if (target) copies.unshift({ sources: [option('source') ?? option('src') ?? '.'], destination: resolvePath(workdir, target), intoFolder: false });
        }
        return { workdir, copies };
      }
      if (instruction.keyword === 'WORKDIR') workdir = resolvePath(workdir, instruction.args[0]?.value ?? '');
      const sources = contextSources(instruction).map((a) => a.value);
      const written = instruction.args[instruction.args.length - 1]?.value ?? '';
      if (sources.length > 0 && !written.includes('$')) {
        copies.unshift({ sources, destination: resolvePath(workdir, written), intoFolder: sources.length > 1 || written.endsWith('/') });
      }
    }
  }
  return { workdir, copies };
}

/** The context paths a file in the image may come from, by the latest copy that reaches it. */
function contextPathsOf(path: string, copies: readonly ContextCopy[]): string[] {
  for (const copy of copies) {
    const candidates: string[] = [];
    for (const raw of copy.sources) {
      const source = raw.replace(/^\.\//, '').replace(/\/+$/, '');
      const base = source.split('/').pop() ?? source;
      if (!copy.intoFolder && path === copy.destination) candidates.push(source);
      if (path.startsWith(`${copy.destination}/`)) {
        const rest = path.slice(copy.destination.length + 1);
        // A folder copied (its content lands in the destination), or a file copied into a folder.
        candidates.push(source === '' || source === '.' ? rest : `${source}/${rest}`);
        if (rest === base) candidates.push(source);
      }
    }
    if (candidates.length > 0) return candidates.filter((c) => !/[*?[]/.test(c));
  }
  return [];
}
