import { shippedStages } from '../model/stage-graph';
import { expandIfKnown } from '../model/variable-scope';
import { formatPlatform, parsePlatform, samePlatform } from '../words/platform';
import { defineRule } from './rule';
import { baseImageOf } from './stage-state';

export default defineRule({
  id: 'base-image-platform',
  summary: 'A base image does not offer the platform the stage is built for.',
  severity: 'warning',
  buildkit: 'InvalidBaseImagePlatform',
  // Only a registry's index says which platforms a tag offers; an image nothing looked up is not judged.
  check({ model, imageFacts, platform, report }) {
    for (const stage of model.stages) {
      if (!stage.baseImage || shippedStages(model, stage)[0] !== stage) continue;
      const image = baseImageOf(model, stage, platform);
      const offered = image ? imageFacts(image)?.facts.platforms : undefined;
      if (!image || !offered || offered.length === 0) continue;
      const flag = stage.platform ? expandIfKnown(model, stage.from.range.start.line, stage.platform.value, platform) : null;
      const wanted = stage.platform ? (flag ? parsePlatform(flag) : null) : platform;
      if (!wanted) continue;
      const expected = formatPlatform(wanted);
      if (offered.some((p) => samePlatform(p, expected))) continue;
      const why = stage.platform ? `FROM --platform=${stage.platform.value}` : 'the target platform';
      report({
        range: stage.baseImage.range,
        message: `'${image}' offers ${offered.join(', ')}, not ${expected} (${why}): the pull fails, or an image for another platform runs under emulation.`,
      });
    }
  },
});
