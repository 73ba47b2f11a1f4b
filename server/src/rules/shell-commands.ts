import { instructionBody } from '../model/instruction-text';
import type { DockerfileModel, Instruction } from '../model/types';

/** A RUN instruction's shell text (continuations joined, heredoc bodies kept). */
export function runText(model: DockerfileModel, run: Instruction): string {
  const body = instructionBody(model, run);
  // Drop the flags (`--mount=…`), which come before the command.
  return body.replace(/^(\s*--\S+\s+)*/, '');
}

/** The simple commands of a shell text, split on `&&`, `||`, `;`, `|` and line breaks. */
export function simpleCommands(shell: string): string[] {
  return shell
    .split(/&&|\|\||;|\||\n/)
    .map((command) => command.trim())
    .filter(Boolean);
}

/** True when a RUN keeps a cache mount on `path` (then package caches never reach a layer). */
export function mountsCache(run: Instruction, path: string): boolean {
  return run.flags.some(
    (flag) =>
      flag.name.toLowerCase() === 'mount' &&
      flag.options.some((o) => o.name === 'type' && o.value === 'cache') &&
      flag.options.some((o) => (o.name === 'target' || o.name === 'dst' || o.name === 'destination') && (o.value ?? '').startsWith(path)),
  );
}
