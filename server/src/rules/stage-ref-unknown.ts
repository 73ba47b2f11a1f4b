import { isWellKnownImage } from '../model/well-known-images';
import { looksLikeImage } from '../model/image-reference';
import { normalizeStageName, stageLabel } from '../model/stage-names';
import { replace } from './edits';
import { defineRule } from './rule';
import { closestStage } from './stage-suggestions';

/**
 * A `--from` or `FROM` name that is no stage but is a typo away from one. A name far from every
 * stage is left alone: BuildKit reads it as an image, and it may well be one.
 */
export default defineRule({
  id: 'stage-ref-unknown',
  summary: 'A stage reference names no stage, but is close to one (a typo).',
  severity: 'error',
  hadolint: ['DL3022'],
  check({ model, report }) {
    for (const reference of model.references) {
      if (reference.resolution.kind !== 'unknown') continue;
      if (/^\d+$/.test(reference.text)) {
        const count = model.stages.length;
        report({
          range: reference.range,
          message: `Stage index ${reference.text} does not exist: this file has ${count} stage${count === 1 ? '' : 's'} (0–${count - 1}).`,
        });
        continue;
      }
      const suggestion = closestStage(model.stages, reference.text);
      if (suggestion) {
        report({
          range: reference.range,
          message: `'${reference.text}' is not a stage. Did you mean '${stageLabel(suggestion)}'?`,
          fixes: suggestion.name ? [{ title: `Use '${suggestion.name}'`, edits: [replace(reference.range, suggestion.name)], preferred: true }] : [],
        });
      }
    }
    // `FROM buidler`: BuildKit would try to pull an image called "buidler".
    for (const stage of model.stages) {
      const base = stage.baseImage;
      if (!base || base.hasVariables || looksLikeImage(base.text) || isWellKnownImage(base.text)) continue;
      if (model.stageIndexByName.has(normalizeStageName(base.text))) continue;
      const suggestion = closestStage(model.stages.slice(0, stage.index), base.text);
      if (suggestion) {
        report({
          range: base.range,
          message: `'${base.text}' is not an earlier stage, so it would be pulled as an image. Did you mean '${stageLabel(suggestion)}'?`,
          fixes: suggestion.name ? [{ title: `Use '${suggestion.name}'`, edits: [replace(base.range, suggestion.name)], preferred: true }] : [],
        });
      }
    }
  },
});
