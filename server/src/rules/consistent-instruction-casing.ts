import { defineRule } from './rule';
import type { DockerfileModel, Instruction } from '../model/types';
import { keywordAsWritten } from './instruction-list';

/** The keywords of a list of instructions: how many are upper and lower case, and those not upper case. */
interface Tally {
  readonly upper: number;
  readonly lower: number;
  readonly others: readonly { instruction: Instruction; written: string }[];
}

/**
 * Kept with each stage's instruction list (the same object while the stage's text and place are
 * unchanged): a keystroke counts only the stage it touched.
 */
const tallies = new WeakMap<readonly Instruction[], Tally>();

function tallyOf(model: DockerfileModel, instructions: readonly Instruction[]): Tally {
  const known = tallies.get(instructions);
  if (known) return known;
  let upper = 0;
  let lower = 0;
  const others: { instruction: Instruction; written: string }[] = [];
  for (const instruction of instructions) {
    const written = keywordAsWritten(model, instruction);
    if (written === instruction.keyword) {
      upper++;
      continue;
    }
    if (written === written.toLowerCase()) lower++;
    others.push({ instruction, written });
  }
  const tally = { upper, lower, others };
  tallies.set(instructions, tally);
  return tally;
}

export default defineRule({
  id: 'consistent-instruction-casing',
  summary: 'Instructions mix upper- and lowercase keywords.',
  severity: 'warning',
  buildkit: 'ConsistentInstructionCasing',
  check({ model, report }) {
    // Most keywords are written as their upper-case name: count those without keeping them.
    const lists = [model.preamble, ...model.stages.map((stage) => stage.instructions)];
    let upper = 0;
    let lower = 0;
    const others: { instruction: Instruction; written: string }[] = [];
    for (const list of lists) {
      const tally = tallyOf(model, list);
      upper += tally.upper;
      lower += tally.lower;
      others.push(...tally.others);
    }
    const majorityUpper = upper >= lower;
    const wrong = majorityUpper ? others : [...others.filter((k) => k.written !== k.written.toLowerCase()), ...upperOnes(model, lists)];
    wrong.sort((a, b) => a.instruction.keywordRange.start.line - b.instruction.keywordRange.start.line);
    for (const { instruction, written } of wrong) {
      report({
        range: instruction.keywordRange,
        message: `'${written}' should match the case of the other instructions (${majorityUpper ? 'uppercase' : 'lowercase'}): '${majorityUpper ? written.toUpperCase() : written.toLowerCase()}'.`,
      });
    }
  },
});

/** The keywords written in upper case, collected only when lower case is the majority. */
function upperOnes(model: DockerfileModel, lists: readonly (readonly Instruction[])[]): { instruction: Instruction; written: string }[] {
  const found: { instruction: Instruction; written: string }[] = [];
  for (const list of lists) {
    for (const instruction of list) {
      const written = keywordAsWritten(model, instruction);
      if (written === instruction.keyword) found.push({ instruction, written });
    }
  }
  return found;
}
