import { shippedStages } from '../model/stage-graph';
import { formatSize, normalizeImage } from '../images/image-facts';
import { defineRule } from './rule';
import { baseImageOf } from './stage-state';

export default defineRule({
  id: 'image-heavy-runtime',
  summary: 'A stage that ships is based on a full SDK or compiler image.',
  severity: 'info',
  // Image facts say what an image is (SDK or runtime); an image nothing knows is not judged.
  check({ model, shipping, imageFacts, platform, report }) {
    for (const { stage: target } of shipping.shipped) {
      const root = shippedStages(model, target)[0];
      const image = root ? baseImageOf(model, root, platform) : null;
      if (!root || !image) continue;
      const facts = imageFacts(image)?.facts;
      if (facts?.kind !== 'sdk') continue;
      const name = normalizeImage(image)?.name.replace(/^docker\.io\/(library\/)?/, '') ?? image;
      const instead = (facts.lighter ?? 'a runtime or slim image').replace(/<name>/g, name);
      const size = facts.compressedSize ? ` (${formatSize(facts.compressedSize)} to pull)` : '';
      report({
        range: root.baseImage?.range ?? root.from.range,
        message: `The image ships on '${image}'${size}, a full SDK with compilers and headers; build in an earlier stage and ship on ${instead}.`,
      });
    }
  },
});
