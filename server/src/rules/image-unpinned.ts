import type { ImageReference } from '../model/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'image-unpinned',
  summary: "A base image or --from image has no tag or uses 'latest', so builds change under you.",
  severity: 'warning',
  hadolint: ['DL3006', 'DL3007'],
  check({ model, report }) {
    const stageBases = new Set(model.references.filter((r) => r.kind === 'from').map((r) => r.fromStage));
    for (const stage of model.stages) {
      if (!stage.baseImage || stageBases.has(stage.index)) continue;
      const message = unpinnedMessage(stage.baseImage, 'Base image');
      if (message) report({ range: stage.baseImage.range, message });
    }
    for (const reference of model.references) {
      if (reference.resolution.kind !== 'image') continue;
      const message = unpinnedMessage(reference.resolution.image, 'Image');
      if (message) report({ range: reference.range, message });
    }
  },
});

function unpinnedMessage(image: ImageReference, what: string): string | null {
  if (image.digest || image.hasVariables || image.text.toLowerCase() === 'scratch' || image.text === '') return null;
  if (!image.tag) {
    return `${what} '${image.text}' has no tag, so it means whatever 'latest' is on the day of the build; pin a version ('${image.text}:<version>').`;
  }
  if (image.tag.value === 'latest') {
    return `${what} '${image.text}' uses the 'latest' tag, which moves; pin a version.`;
  }
  return null;
}
