import { stageMention } from '../model/queries';
import { shippedStages } from '../model/stage-graph';
import type { Stage } from '../model/types';
import type { DockerfileModel } from '../model/types';
import type { Platform } from '../words/platform';
import type { SourcedFacts } from '../images/image-facts';
import { defineRule } from './rule';
import { baseImageOf } from './stage-state';

/** The C library of the image at the bottom of a stage's chain, when image facts know it. */
function libcOf(model: DockerfileModel, stage: Stage, platform: Platform, facts: (image: string) => SourcedFacts | null): string | null {
  const root = shippedStages(model, stage)[0];
  const image = root ? baseImageOf(model, root, platform) : null;
  return image ? (facts(image)?.facts.libc ?? null) : null;
}

const NATIVE_PATH = /node_modules|site-packages|\/venv|\.venv|\/opt\/venv|wheels?(\/|$)|\.whl$/;

/** A Go build without CGO_ENABLED=0 links the C library dynamically. */
function buildsCgoBinary(stage: Stage, text: (s: Stage) => string): boolean {
  const all = text(stage);
  return /\bgo\s+build\b/.test(all) && !/CGO_ENABLED=0/.test(all);
}

export default defineRule({
  id: 'musl-glibc-mismatch',
  summary: 'Native files built against glibc are copied into a musl (alpine) image, or the reverse.',
  severity: 'warning',
  check({ model, shipping, imageFacts, platform, report }) {
    for (const { stage: target } of shipping.images) {
    const shipped = shippedStages(model, target);
    const runtimeLibc = libcOf(model, target, platform, imageFacts);
    if (runtimeLibc !== 'musl' && runtimeLibc !== 'glibc') continue;
    const shippedIndexes = new Set(shipped.map((stage) => stage.index));
    const stageText = (stage: Stage): string =>
      model.text.slice(model.lineStarts[stage.firstLine] ?? 0, model.lineStarts[stage.lastLine + 1] ?? model.text.length);
    for (const reference of model.references) {
      if (reference.kind !== 'copy-from' || reference.resolution.kind !== 'stage' || !shippedIndexes.has(reference.fromStage)) continue;
      const source = model.stages[reference.resolution.stage];
      if (!source) continue;
      const sourceLibc = libcOf(model, source, platform, imageFacts);
      if ((sourceLibc !== 'musl' && sourceLibc !== 'glibc') || sourceLibc === runtimeLibc) continue;
      const sources = reference.instruction.args.slice(0, -1).map((arg) => arg.value);
      const native = sources.some((path) => NATIVE_PATH.test(path)) || buildsCgoBinary(source, stageText);
      if (!native) continue;
      report({
        range: reference.instruction.range,
        message: `Native files built on ${sourceLibc} (${stageMention(source)}) are copied into a ${runtimeLibc} image; they will fail to load. Build on the same C library as the runtime.`,
      });
    }
    }
  },
});
