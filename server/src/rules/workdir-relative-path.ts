import { logicalText } from '../model/logical-line';
import { shippedStages } from '../model/stage-graph';
import { expandIfKnown } from '../model/variable-scope';
import { defineRule } from './rule';

export default defineRule({
  id: 'workdir-relative-path',
  summary: 'The first WORKDIR of a stage (and the stages it is built FROM) is relative, so it depends on the base image.',
  severity: 'warning',
  buildkit: 'WorkdirRelativePath',
  // As BuildKit: only the first WORKDIR of the chain is judged, by its value after quotes and
  // variables; a value that cannot be known (a variable of the base image) is not judged.
  check({ model, platform, report }) {
    for (const stage of model.stages) {
      const chain = shippedStages(model, stage);
      const earlier = chain.slice(0, -1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'));
      const first = stage.instructions.find((i) => i.keyword === 'WORKDIR');
      if (earlier || !first) continue;
      const written = logicalText(model, first).text.trim();
      const path = expandIfKnown(model, first.range.start.line, written, platform);
      if (path === null || path === '' || path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) continue;
      report({ range: first.range, message: `WORKDIR '${path}' is relative to the base image's working directory; start from an absolute path.` });
    }
  },
});
