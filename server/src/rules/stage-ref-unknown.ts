import { isOfficialImage, normalizeImage } from '../images/image-facts';
import { looksLikeImage } from '../model/image-reference';
import { normalizeStageName, stageLabel } from '../model/stage-names';
import { replace } from './edits';
import { defineRule } from './rule';
import { closestStage } from './stage-suggestions';

/**
 * A `--from` or `FROM` name that is no stage but is a typo away from one; and a `--from` name that
 * is no stage, no official image and no image the workspace builds (BuildKit would pull a
 * `docker.io/library/` image that does not exist). A `FROM` name far from every stage is left to
 * image-unpinned: it may be an image built locally.
 */
export default defineRule({
  id: 'stage-ref-unknown',
  summary: 'A stage reference names no stage: a typo of one, or a bare name no image has.',
  severity: 'error',
  hadolint: ['DL3022'],
  check({ model, localImages, namedContexts, report }) {
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
      } else if (!localImages.has(normalizeImage(reference.text)?.name ?? '') && !namedContexts.has(reference.text.toLowerCase())) {
        // No stage is close, and no public image has a bare name that is no official image.
        report({
          range: reference.range,
          message: `'${reference.text}' is no stage of this file and no official image: BuildKit will try to pull docker.io/library/${reference.text.toLowerCase()}, which does not exist, unless the build passes a named context '${reference.text}' (--build-context) or an image '${reference.text}' was built locally first.`,
        });
      }
    }
    // `FROM buidler`: BuildKit would try to pull an image called "buidler".
    for (const stage of model.stages) {
      const base = stage.baseImage;
      if (!base || base.hasVariables || looksLikeImage(base.text) || isOfficialImage(base.text)) continue;
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
