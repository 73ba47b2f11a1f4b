import type { Platform } from '../words/platform';
import { shippedStages } from './stage-graph';
import type { DockerfileModel, Stage } from './types';
import { expandIfKnown } from './variable-scope';

/** An image a stage is built FROM, as BuildKit pulls it with the default build arguments. */
export interface ExternalBaseImage {
  readonly stage: Stage;
  /** The reference with variables expanded (`node:22-alpine` for `${BASE}`). */
  readonly image: string;
}

/**
 * The images the file pulls: the base of every stage not built FROM another stage, once each,
 * `scratch` and references with a variable that has no default left out.
 */
export function externalBaseImages(model: DockerfileModel, platform?: Platform): ExternalBaseImage[] {
  const found: ExternalBaseImage[] = [];
  const seen = new Set<string>();
  for (const stage of model.stages) {
    if (!stage.baseImage || shippedStages(model, stage)[0] !== stage) continue;
    const image = expandIfKnown(model, stage.from.range.start.line, stage.baseImage.text, platform);
    if (!image || image.toLowerCase() === 'scratch' || seen.has(image)) continue;
    seen.add(image);
    found.push({ stage, image });
  }
  return found;
}
