import { replace } from './edits';
import { defineRule } from './rule';

export default defineRule({
  id: 'expose-proto-casing',
  summary: "The protocol of an EXPOSE port is not lowercase ('80/TCP').",
  severity: 'warning',
  buildkit: 'ExposeProtoCasing',
  checkStage({ stage, report }) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const port of instruction.args) {
        const proto = port.value.split('/')[1];
        if (proto && proto !== proto.toLowerCase()) {
          report({
            range: port.range,
            message: `Protocol '${proto}' should be lowercase: '${port.value.toLowerCase()}'.`,
            fixes: [{ title: `Write '${port.value.toLowerCase()}'`, edits: [replace(port.range, port.value.toLowerCase())], preferred: true }],
          });
        }
      }
    }
  },
});
