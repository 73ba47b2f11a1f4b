// The shell files of the build context a RUN runs (`./clean.sh`, `bash /scripts/setup.sh`,
// `. /opt/env.sh`): what a RUN does includes what they do.
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { scriptFileCommands } from '../shell/run-script';
import type { RunScript, SimpleCommand } from '../shell/types';
import type { BuildContext } from './rule';
import { filesPlacedBefore, type PlacedFiles } from './image-files';
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
  const { workdir, copies } = filesPlacedBefore(model, stage, run);
  const fromContext = copies.filter((copy) => copy.fromContext);
  for (const command of script.commands) {
    const written = scriptPathOf(command);
    if (!written) continue;
    const path = resolvePath(workdir, written);
    const sources = contextPathsOf(path, fromContext);
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

/** The context paths a file in the image may come from, by the latest copy that reaches it. */
function contextPathsOf(path: string, copies: readonly PlacedFiles[]): string[] {
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
