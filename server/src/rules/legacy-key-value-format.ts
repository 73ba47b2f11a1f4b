import { instructionBody } from '../model/instruction-text';
import { defineRule } from './rule';
import { allInstructions } from './instruction-list';

export default defineRule({
  id: 'legacy-key-value-format',
  summary: "ENV or LABEL written as 'key value' instead of 'key=value'.",
  severity: 'warning',
  buildkit: 'LegacyKeyValueFormat',
  check({ model, report }) {
    for (const { instruction } of allInstructions(model)) {
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL') continue;
      const body = instructionBody(model, instruction);
      const firstWord = /^\S+/.exec(body)?.[0] ?? '';
      if (firstWord === '' || firstWord.includes('=')) continue;
      report({
        range: instruction.range,
        message: `'${instruction.keyword} ${firstWord} …' is the legacy form; write '${instruction.keyword} ${firstWord}=…'.`,
      });
    }
  },
});
