import type { SimpleCommand } from '../shell/types';
import { filesPlacedBefore, type PlacedFiles } from './image-files';
import { defineRule, type BuildContext } from './rule';
import { commandRange, stageRuns } from './run-facts';
import { layerStages, resolvePath } from './stage-state';

/** The programs that change who owns a file or its mode, and the COPY flag that does it at copy time. */
const FLAG: Readonly<Record<string, '--chmod' | '--chown'>> = { chmod: '--chmod', chown: '--chown', chgrp: '--chown' };

export default defineRule({
  id: 'permissions-after-copy',
  summary: 'A RUN changes the mode or owner of files an earlier COPY or ADD wrote: the layer stores them again.',
  severity: 'info',
  check({ model, shipping, imageFacts, buildContext, report }) {
    for (const stage of layerStages(model, shipping)) {
      for (const { run, script } of stageRuns(model, stage, imageFacts)) {
        // What earlier instructions placed is walked only for the RUNs that change a mode or an owner.
        if (!script.parsed || !script.commands.some((c) => FLAG[c.program ?? ''])) continue;
        const { workdir, copies } = filesPlacedBefore(model, stage, run);
        for (const [index, command] of script.commands.entries()) {
          const flag = FLAG[command.program ?? ''];
          if (!flag || command.nested) continue;
          const found = copiedPath(command, workdir, copies, buildContext);
          // A file this RUN wrote itself (downloaded, moved, built) is new in this layer: setting its mode costs nothing.
          if (!found || script.commands.slice(0, index).some((earlier) => writes(earlier, found.path, workdir))) continue;
          report({ range: commandRange(model, script, command), message: messageFor(command, flag, found) });
          break;
        }
      }
    }
  },
});

/** Whether a command names the path as a word or a redirection target (`curl -o x`, `mv a x`, `> x`). */
function writes(command: SimpleCommand, path: string, workdir: string): boolean {
  const words = [...command.args, ...command.redirects.map((r) => r.target)].map((w) => w.value ?? '');
  return words.some((word) => word !== '' && !word.startsWith('-') && resolvePath(workdir, word) === path);
}

interface Found {
  readonly path: string;
  readonly copy: PlacedFiles;
}

/**
 * The first operand of a chmod/chown whose change stores copied content again: with -R, a folder
 * holding what a copy wrote; without, a program a stage or image copy wrote (a binary in a bin folder).
 * A single file of the context (a script, a config) costs its few bytes again, and a folder without
 * -R only its own entry: neither is judged.
 */
function copiedPath(command: SimpleCommand, workdir: string, copies: readonly PlacedFiles[], context: BuildContext | null): Found | null {
  const words = command.args.map((a) => a.value ?? '');
  const recursive = words.some((w) => w === '-R' || w === '--recursive' || /^-[a-zA-Z]*R/.test(w));
  // The mode or owner, then the files: options (and `--reference=…`) aside.
  const operands = words.filter((w) => !w.startsWith('-') || /^-[rwxXst]+$/.test(w));
  for (const written of operands.slice(1)) {
    if (written === '' || /[$*?[`]/.test(written)) continue;
    const path = resolvePath(workdir, written);
    const copy = copies.find((c) => !c.mounted && stores(c, path, recursive, context));
    if (copy) return { path, copy };
  }
  return null;
}

const within = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(`${outer === '/' ? '' : outer}/`);
/** `.`, `dir/` or a folder name without an extension: a source whose content is copied. */
const looksLikeFolder = (source: string): boolean => source === '.' || source.endsWith('/') || !/\.[A-Za-z0-9]+$/.test(source);

/** A context file that is a script (a `.sh`-like name, or a `#!` line when the context can be read): a few bytes. */
function isScript(source: string, context: BuildContext | null): boolean {
  return /\.[A-Za-z0-9]+$/.test(source) || (context?.readFile?.(source.replace(/^\.\//, ''))?.startsWith('#!') ?? false);
}

function stores(copy: PlacedFiles, path: string, recursive: boolean, context: BuildContext | null): boolean {
  return copy.sources.some((source) => {
    const name = source.replace(/\/+$/, '').split('/').pop() ?? '';
    const place = copy.intoFolder && source !== '.' && !source.endsWith('/') ? resolvePath(copy.destination, name) : copy.destination;
    if (copy.fromContext && !looksLikeFolder(source)) return false;
    // Strictly inside a tree copied over `/` (an overlay of rootfs/): which folders it fills is not known.
    if (recursive) return within(place, path) || (place !== '/' && within(path, place));
    // Without -R only a program is judged (a file in a bin folder, not a script of the context): on a folder it changes the entry alone.
    return path === place && /\/s?bin\/[^/]+$/.test(place) && !(copy.fromContext && isScript(source, context));
  });
}

function messageFor(command: SimpleCommand, flag: '--chmod' | '--chown', { path, copy }: Found): string {
  const value = command.args.map((a) => a.value ?? '').find((w) => !w.startsWith('-')) ?? '';
  const suggested =
    flag === '--chmod'
      ? /^[0-7]{3,4}$/.test(value) ? `--chmod=${value}` : '--chmod=<octal mode>'
      : /^[\w.-]+(:[\w.-]+)?$/.test(value) ? (command.program === 'chgrp' ? `--chown=<user>:${value}` : `--chown=${value}`) : '--chown=<user>:<group>';
  const keyword = copy.instruction.keyword;
  const already = copy.instruction.flags.find((f) => f.name.toLowerCase() === flag.slice(2));
  if (already) {
    return `'${command.program}' on ${path}, which the ${keyword} at line ${copy.instruction.range.start.line + 1} wrote with ${flag}=${already.value ?? ''}, stores those files again in this layer; set what it needs in that ${flag} and drop the ${command.program}.`;
  }
  return `'${command.program}' on ${path}, which the ${keyword} at line ${copy.instruction.range.start.line + 1} wrote, stores those files again in this layer; set it in the ${keyword} with ${suggested}.`;
}
