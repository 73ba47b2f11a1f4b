import { defineRule } from './rule';
import type { Instruction } from '../model/types';
import { forEachInstruction, keywordAsWritten } from './instruction-list';

export default defineRule({
  id: 'consistent-instruction-casing',
  summary: 'Instructions mix upper- and lowercase keywords.',
  severity: 'warning',
  buildkit: 'ConsistentInstructionCasing',
  check({ model, report }) {
    const keywords: { instruction: Instruction; written: string }[] = [];
    forEachInstruction(model, (instruction) => keywords.push({ instruction, written: keywordAsWritten(model, instruction) }));
    const lower = keywords.filter((k) => k.written === k.written.toLowerCase()).length;
    const upper = keywords.filter((k) => k.written === k.written.toUpperCase()).length;
    const majorityUpper = upper >= lower;
    for (const { instruction, written } of keywords) {
      const matches = majorityUpper ? written === written.toUpperCase() : written === written.toLowerCase();
      if (matches) continue;
      report({
        range: instruction.keywordRange,
        message: `'${written}' should match the case of the other instructions (${majorityUpper ? 'uppercase' : 'lowercase'}): '${majorityUpper ? written.toUpperCase() : written.toLowerCase()}'.`,
      });
    }
  },
});
