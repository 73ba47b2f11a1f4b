import { defineRule } from './rule';
import { closestStage } from './stage-suggestions';

/** Names that say a stage is built on its own with --target, not used by another stage. */
const TARGET_NAMES = /^(test|tests|testing|dev|develop|development|debug|lint|linter|check|ci|e2e|integration|unit|bench|benchmark|docs|release|prod|production|local|devcontainer|shell|tools)([-_.].*)?$/;

export default defineRule({
  id: 'stage-unused',
  summary: 'A stage that no later stage uses and that is not built: dead code in the Dockerfile.',
  severity: 'hint',
  tags: ['unnecessary'],
  check({ model, target, report }) {
    // `--from=${STAGE}` may name any stage: then nothing can be called unused.
    if (model.references.some((reference) => reference.resolution.kind === 'variable')) return;
    const used = new Set<number>();
    for (const reference of model.references) {
      if (reference.resolution.kind === 'stage' || reference.resolution.kind === 'forward') used.add(reference.resolution.stage);
      // A misspelt reference (reported by stage-ref-unknown) still shows which stage is meant.
      if (reference.resolution.kind === 'unknown') {
        const meant = closestStage(model.stages, reference.text);
        if (meant) used.add(meant.index);
      }
    }
    for (const stage of model.stages) {
      if (stage === target || stage.index === model.stages.length - 1 || used.has(stage.index)) continue;
      if (stage.normalizedName !== null && TARGET_NAMES.test(stage.normalizedName)) continue;
      report({
        range: stage.from.range,
        message: `Stage '${stage.name ?? `#${stage.index}`}' is not used by any later stage and is not the build target; BuildKit skips it.`,
      });
    }
  },
});
