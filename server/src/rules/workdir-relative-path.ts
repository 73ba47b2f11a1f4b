import { defineRule } from './rule';

export default defineRule({
  id: 'workdir-relative-path',
  summary: 'A relative WORKDIR with no absolute WORKDIR before it in the stage depends on the base image.',
  severity: 'warning',
  buildkit: 'WorkdirRelativePath',
  checkStage({ stage, report }) {
    let absolute = false;
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'WORKDIR') continue;
      const path = instruction.args[0]?.value ?? '';
      if (path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]/.test(path)) {
        absolute = true;
      } else if (!absolute && path !== '') {
        report({ range: instruction.range, message: `WORKDIR '${path}' is relative to the base image's working directory; start from an absolute path.` });
      }
    }
  },
});
