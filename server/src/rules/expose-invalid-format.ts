import { defineRule } from './rule';

export default defineRule({
  id: 'expose-invalid-format',
  summary: 'EXPOSE names an IP address or a host:container mapping, which only docker run can set.',
  severity: 'warning',
  buildkit: 'ExposeInvalidFormat',
  checkStage({ stage, report }) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const port of instruction.args) {
        if (!port.value.includes(':')) continue;
        report({ range: port.range, message: `EXPOSE '${port.value}' maps or binds a port, which belongs to 'docker run -p'; expose the container port only.` });
      }
    }
  },
});
