import type { Instruction } from '../model/types';
import { replace } from './edits';
import { defineRule } from './rule';

export default defineRule({
  id: 'json-args-recommended',
  summary: 'CMD or ENTRYPOINT in shell form: the process does not receive stop signals.',
  severity: 'warning',
  hadolint: ['DL3025'],
  buildkit: 'JSONArgsRecommended',
  check({ model, neededStages, report }) {
    for (const stage of model.stages) {
      if (!neededStages.has(stage.index)) continue;
      // A SHELL instruction means the author chose the shell on purpose.
      if (stage.instructions.some((instruction) => instruction.keyword === 'SHELL')) continue;
      for (const instruction of stage.instructions) {
        if ((instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') || instruction.jsonForm || instruction.args.length === 0) continue;
        const words = simpleWords(instruction);
        report({
          range: instruction.range,
          message: `${instruction.keyword} in shell form runs under /bin/sh -c, which does not pass stop signals on; use the exec form ${instruction.keyword} ["executable", "arg"].`,
          fixes: words
            ? [{ title: 'Use the exec form', edits: [replace(argumentsRange(instruction), JSON.stringify(words).replace(/","/g, '", "'))], preferred: true }]
            : [],
        });
      }
    }
  },
});

/** The words of a one-line command that needs no shell (no quotes, variables, globs or operators). */
function simpleWords(instruction: Instruction): string[] | null {
  const first = instruction.args[0];
  const last = instruction.args[instruction.args.length - 1];
  if (!first || !last || first.range.start.line !== last.range.end.line) return null;
  const words = instruction.args.map((arg) => arg.value);
  return words.every((word) => !/[|&;<>()$`\\"'*?[\]#~{}]/.test(word)) ? words : null;
}

function argumentsRange(instruction: Instruction) {
  const first = instruction.args[0] as Instruction['args'][number];
  const last = instruction.args[instruction.args.length - 1] as Instruction['args'][number];
  return { start: first.range.start, end: last.range.end };
}
