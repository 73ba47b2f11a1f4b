import { shippedStages } from '../model/stage-graph';
import { defineRule } from './rule';
import { workdirOf } from './stage-state';

export default defineRule({
  id: 'copy-whole-stage',
  summary: "COPY --from copies a stage's whole file system or work directory into the stage that ships.",
  severity: 'info',
  hadolint: ['DL3067'],
  check({ model, shipping, report }) {
    const shipped = new Set(shipping.shipped.flatMap(({ stage }) => shippedStages(model, stage)).map((stage) => stage.index));
    for (const reference of model.references) {
      if (reference.kind !== 'copy-from' || reference.resolution.kind !== 'stage' || !shipped.has(reference.fromStage)) continue;
      const source = model.stages[reference.resolution.stage];
      if (!source) continue;
      const workdir = workdirOf(model, source);
      const name = source.name ?? `#${source.index}`;
      for (const arg of reference.instruction.args.slice(0, -1)) {
        const path = arg.value.replace(/\/+$/, '') || '/';
        if (path === '/' || path === '.') {
          report({ range: arg.range, message: `Copies the whole file system of stage '${name}' (tools, caches, sources); copy only the files the image needs.` });
        } else if (workdir && path === workdir.replace(/\/+$/, '')) {
          report({
            range: arg.range,
            message: `Copies all of stage '${name}''s work directory ${workdir} (sources, caches, dev dependencies); copy only the build output.`,
          });
        }
      }
    }
  },
});
