import { lineBreak, lineText } from '../model/queries';
import type { DockerfileModel, Instruction, Stage } from '../model/types';
import { insertAt } from './edits';
import { appendableRun, appendToRun } from './run-facts';
import { nonRootAccount } from '../images/image-facts';
import { shippedStages } from '../model/stage-graph';
import type { Fix } from './rule';

/** What the fix knows of the image the stage rests on. */
export interface UserBase {
  readonly image: string | null;
  readonly libc: string | null;
  /** False when the image has no shell, so no RUN can create a user. */
  readonly shell: boolean | null;
}

/**
 * The lines that switch to a non-root user: the one the image already has (node, `$APP_UID` on
 * .NET 8+, distroless's nonroot), else one created with busybox's adduser on musl or shadow's
 * useradd on glibc, else a bare uid (which needs no passwd entry) when nothing is known or no
 * shell can run.
 */
function userLines(base: UserBase): { lines: string[]; user: string } {
  const image = (base.image ?? '').toLowerCase();
  const bareUid = { lines: ['USER 65532:65532'], user: '65532:65532' };
  if (image === '' || image === 'scratch') return bareUid;
  const account = nonRootAccount(image);
  if (account) return { lines: [`USER ${account}`], user: account };
  if (base.shell === false) return bareUid;
  if (base.libc === 'musl') {
    return { lines: ['RUN addgroup -S app && adduser -S -G app app', 'USER app'], user: 'app' };
  }
  if (base.libc === 'glibc') {
    return { lines: ['RUN groupadd --system app && useradd --system --gid app --no-create-home app', 'USER app'], user: 'app' };
  }
  return bareUid;
}

/** `/root` and what is under it: mode 700 on most images, so no other user can reach a program there. */
const ROOT_HOME = /(^|[\s"'=:])(\/root|~)(\/|["'\s]|$)/;

/** The stage puts or runs what its process needs in root's home (WORKDIR /root, COPY … /root/, CMD ["/root/app"]). */
function needsRootHome(chain: readonly Stage[]): boolean {
  return chain.some((stage) =>
    stage.instructions.some((instruction) => {
      if (instruction.keyword === 'WORKDIR') return ROOT_HOME.test(instruction.args[0]?.value ?? '');
      if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') return ROOT_HOME.test(instruction.args[instruction.args.length - 1]?.value ?? '');
      if (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT') return instruction.args.some((arg) => ROOT_HOME.test(arg.value));
      return false;
    }),
  );
}

/**
 * "Add a non-root USER": inserted before the final CMD/ENTRYPOINT (at the end of the stage when
 * there is none), with the user the base image calls for; a COPY --from after it gains --chown.
 */
export function addUserFix(model: DockerfileModel, target: Stage, base: UserBase): Fix | null {
  // Text added after an unterminated heredoc would become part of its body.
  if (target.instructions.some((i) => i.heredocs.some((h) => h.delimiterRange === null))) return null;
  // Another user could not reach the program: moving it out of /root is the user's call.
  if (needsRootHome(shippedStages(model, target))) return null;
  const { lines, user } = userLines(base);
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
    edits.push(appendToRun(model, previous, runLine.slice(4)));
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

/** A RUN without flags (a mount or network of its own) that another command can be appended to. */
function chainable(model: DockerfileModel, instruction: Instruction): boolean {
  return instruction.keyword === 'RUN' && instruction.flags.length === 0 && appendableRun(model, instruction);
}
