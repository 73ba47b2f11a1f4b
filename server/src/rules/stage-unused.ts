import { resolvedStages } from '../model/stage-graph';
import { defineRule } from './rule';
import { closestStage } from './stage-suggestions';

export default defineRule({
  id: 'stage-unused',
  summary: 'A stage that nothing uses or builds: no later stage, no build file, and its shape says no role.',
  severity: 'hint',
  tags: ['unnecessary'],
  check({ model, shipping, targetFiles, report }) {
    const used = new Set<number>(shipping.needed);
    for (const reference of model.references) {
      for (const index of resolvedStages(reference.resolution)) used.add(index);
      if (reference.resolution.kind === 'forward') used.add(reference.resolution.stage);
      // A misspelt reference (reported by stage-ref-unknown) still shows which stage is meant.
      if (reference.resolution.kind === 'unknown') {
        const meant = closestStage(model.stages, reference.text);
        if (meant) used.add(meant.index);
      }
    }
    const looked = targetFiles.length === 0 ? 'no build file (compose, Bake, CI) was found' : `no build file names it (looked at ${listed(targetFiles)})`;
    for (const stage of model.stages) {
      if (stage.index === model.stages.length - 1 || used.has(stage.index) || shipping.uses.has(stage.index)) continue;
      // Test, dev, export and runtime stages are built on their own with --target.
      const role = shipping.roles[stage.index]?.role;
      if (role !== 'builder' && role !== 'base') continue;
      report({
        range: stage.from.range,
        message: `Stage '${stage.name ?? `stage ${stage.index + 1}`}' is not used: no later stage builds on it or copies from it, ${looked}, and it is no test, dev, export or runtime stage. BuildKit skips it.`,
      });
    }
  },
});

function listed(files: readonly string[]): string {
  return files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
}
