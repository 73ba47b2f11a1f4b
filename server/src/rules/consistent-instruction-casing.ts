import { defineRule } from './rule';
import type { DockerfileModel, Instruction } from '../model/types';
import { forEachInstruction, keywordAsWritten } from './instruction-list';

export default defineRule({
  id: 'consistent-instruction-casing',
  summary: 'Instructions mix upper- and lowercase keywords.',
  severity: 'warning',
  buildkit: 'ConsistentInstructionCasing',
  check({ model, report }) {
    // Most keywords are written as their upper-case name: count those without keeping them.
    let upper = 0;
    let lower = 0;
    const others: { instruction: Instruction; written: string }[] = [];
    forEachInstruction(model, (instruction) => {
      const written = keywordAsWritten(model, instruction);
      if (written === instruction.keyword) {
        upper++;
        return;
      }
      if (written === written.toLowerCase()) lower++;
      others.push({ instruction, written });
    });
    const majorityUpper = upper >= lower;
    const wrong = majorityUpper ? others : [...others.filter((k) => k.written !== k.written.toLowerCase()), ...upperOnes(model)];
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
function upperOnes(model: DockerfileModel): { instruction: Instruction; written: string }[] {
  const found: { instruction: Instruction; written: string }[] = [];
  forEachInstruction(model, (instruction) => {
    const written = keywordAsWritten(model, instruction);
    if (written === instruction.keyword) found.push({ instruction, written });
  });
  return found;
}
