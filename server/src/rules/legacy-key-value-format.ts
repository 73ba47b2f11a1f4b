import { defineRule } from './rule';
import { forEachInstruction } from './instruction-list';

export default defineRule({
  id: 'legacy-key-value-format',
  summary: "ENV or LABEL written as 'key value' instead of 'key=value'.",
  severity: 'warning',
  buildkit: 'LegacyKeyValueFormat',
  check({ model, report }) {
    forEachInstruction(model, (instruction) => {
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL') return;
      const firstWord = instruction.args[0]?.value ?? '';
      if (firstWord === '' || firstWord.includes('=')) return;
      report({
        range: instruction.range,
        message: `'${instruction.keyword} ${firstWord} …' is the legacy form; write '${instruction.keyword} ${firstWord}=…'.`,
      });
    });
  },
});
