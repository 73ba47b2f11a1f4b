import { lineBreak, lineText } from '../model/queries';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { insertAt } from './edits';
import type { Fix } from './rule';

/**
 * The lines that create and switch to a non-root user, for the image the stage rests on and its C
 * library (from image facts): busybox's adduser on musl, shadow's useradd on glibc, a bare uid
 * (which needs no passwd entry) when nothing is known.
 */
function userLines(rootImage: string | null, libc: string | null): { lines: string[]; user: string } {
  const image = (rootImage ?? '').toLowerCase();
  const repository = image.replace(/[:@].*$/, '').split('/').pop() ?? '';
  if (image === '' || image === 'scratch') return { lines: ['USER 65532:65532'], user: '65532:65532' };
  if (repository === 'node') return { lines: ['USER node'], user: 'node' };
  if (image.includes('distroless')) return { lines: ['USER nonroot:nonroot'], user: 'nonroot:nonroot' };
  if (libc === 'musl') {
    return { lines: ['RUN addgroup -S app && adduser -S -G app app', 'USER app'], user: 'app' };
  }
  if (libc === 'glibc') {
    return { lines: ['RUN groupadd --system app && useradd --system --gid app --no-create-home app', 'USER app'], user: 'app' };
  }
  return { lines: ['USER 65532:65532'], user: '65532:65532' };
}

/**
 * "Add a non-root USER": inserted before the final CMD/ENTRYPOINT (at the end of the stage when
 * there is none), with the user the base image calls for; a COPY --from after it gains --chown.
 */
export function addUserFix(model: DockerfileModel, target: Stage, rootImage: string | null, libc: string | null): Fix | null {
  // Text added after an unterminated heredoc would become part of its body.
  if (target.instructions.some((i) => i.heredocs.some((h) => h.delimiterRange === null))) return null;
  const { lines, user } = userLines(rootImage, libc);
  const instructions = target.instructions;
  let insertBefore: Instruction | null = null;
  for (let i = instructions.length - 1; i > 0; i--) {
    const instruction = instructions[i] as Instruction;
    if (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT') insertBefore = instruction;
    else if (insertBefore) break;
  }
  // The new USER must come after the stage's last one: a `USER root` after the command wins otherwise.
  let lastUser = -1;
  instructions.forEach((instruction, index) => {
    if (instruction.keyword === 'USER') lastUser = index;
  });
  if (insertBefore && instructions.indexOf(insertBefore) < lastUser) insertBefore = null;
  const nl = lineBreak(model);
  const edits = [];
  const insertIndex = insertBefore ? instructions.indexOf(insertBefore) : instructions.length;
  const previous = instructions[insertIndex - 1];
  // The user is created in the RUN just before, when there is one, so as not to add a layer.
  const runLine = lines.find((line) => line.startsWith('RUN '));
  let remaining = lines;
  if (runLine && previous && chainable(model, previous)) {
    const end = previous.range.end;
    edits.push(insertAt(end, ` ${model.escapeChar}${nl}    && ${runLine.slice(4)}`));
    remaining = lines.filter((line) => line !== runLine);
  }
  if (insertBefore) {
    const indent = /^\s*/.exec(lineText(model, insertBefore.range.start.line))?.[0] ?? '';
    edits.push(insertAt({ line: insertBefore.range.start.line, character: 0 }, remaining.map((line) => `${indent}${line}${nl}`).join('')));
    for (const copy of instructions.slice(insertIndex)) {
      const flags = copy.flags.map((flag) => flag.name.toLowerCase());
      if (copy.keyword === 'COPY' && flags.includes('from') && !flags.includes('chown')) edits.push(insertAt(copy.keywordRange.end, ` --chown=${user}`));
    }
  } else {
    const last = instructions[instructions.length - 1] as Instruction;
    edits.push(insertAt(last.range.end, remaining.map((line) => `${nl}${line}`).join('')));
  }
  return { title: `Add a non-root USER (${user})`, edits, preferred: true };
}

/** A RUN that another command can be appended to: shell form, no heredoc, no flags, no trailing comment. */
function chainable(model: DockerfileModel, instruction: Instruction): boolean {
  if (instruction.keyword !== 'RUN' || instruction.jsonForm || instruction.heredocs.length > 0 || instruction.flags.length > 0) return false;
  return !/\s#/.test(lineText(model, instruction.range.end.line));
}
