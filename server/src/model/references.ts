import { looksLikeImage, parseImageReference } from './image-reference';
import { isWellKnownImage } from './well-known-images';
import { normalizeStageName } from './stage-names';
import type { Instruction, ReferenceKind, ReferenceResolution, Stage, StageReference } from './types';

/**
 * The one resolver for stage references: `COPY --from=`, `FROM <earlier stage>` and
 * `RUN --mount=…,from=`, by name (case-insensitive, like BuildKit) or by index.
 */
export function collectReferences(stages: readonly Stage[], stageIndexByName: ReadonlyMap<string, number>): StageReference[] {
  const references: StageReference[] = [];
  for (const stage of stages) {
    const fromReference = resolveFromBase(stage, stageIndexByName);
    if (fromReference) references.push(fromReference);
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'COPY') {
        for (const flag of instruction.flags) {
          if (flag.name.toLowerCase() !== 'from' || flag.value === null || !flag.valueRange) continue;
          references.push(makeReference('copy-from', flag.value, flag.valueRange, stage, instruction, stages.length, stageIndexByName));
        }
      } else if (instruction.keyword === 'RUN') {
        for (const flag of instruction.flags) {
          if (flag.name.toLowerCase() !== 'mount') continue;
          for (const option of flag.options) {
            if (option.name.toLowerCase() !== 'from' || option.value === null || !option.valueRange) continue;
            references.push(
              makeReference('mount-from', option.value, option.valueRange, stage, instruction, stages.length, stageIndexByName),
            );
          }
        }
      }
    }
  }
  return references;
}

/**
 * `FROM x` names a stage only when an earlier stage is called `x`; otherwise `x` is an image. A
 * plain name that matches a later stage is kept as a forward reference, since BuildKit would try
 * to pull it as an image, which is almost never what the author meant.
 */
function resolveFromBase(stage: Stage, stageIndexByName: ReadonlyMap<string, number>): StageReference | null {
  const base = stage.baseImage;
  if (!base || base.hasVariables || looksLikeImage(base.text)) return null;
  const target = stageIndexByName.get(normalizeStageName(base.text));
  if (target === undefined || target === stage.index) return null;
  const resolution: ReferenceResolution =
    target < stage.index ? { kind: 'stage', stage: target, byIndex: false } : { kind: 'forward', stage: target, byIndex: false };
  return { kind: 'from', text: base.text, range: base.range, fromStage: stage.index, instruction: stage.from, resolution };
}

function makeReference(
  kind: ReferenceKind,
  text: string,
  range: StageReference['range'],
  stage: Stage,
  instruction: Instruction,
  stageCount: number,
  stageIndexByName: ReadonlyMap<string, number>,
): StageReference {
  return { kind, text, range, fromStage: stage.index, instruction, resolution: resolve(text, range, stage.index, stageCount, stageIndexByName) };
}

function resolve(
  text: string,
  range: StageReference['range'],
  fromStage: number,
  stageCount: number,
  stageIndexByName: ReadonlyMap<string, number>,
): ReferenceResolution {
  if (text.includes('$')) return { kind: 'variable' };
  if (/^\d+$/.test(text)) {
    const index = Number(text);
    return index < stageCount ? byPosition(index, fromStage, true) : { kind: 'unknown' };
  }
  const named = stageIndexByName.get(normalizeStageName(text));
  if (named !== undefined) return byPosition(named, fromStage, false);
  if (text !== '' && (looksLikeImage(text) || isWellKnownImage(text))) {
    return { kind: 'image', image: parseImageReference(text, range) };
  }
  return { kind: 'unknown' };
}

function byPosition(target: number, fromStage: number, byIndex: boolean): ReferenceResolution {
  if (target < fromStage) return { kind: 'stage', stage: target, byIndex };
  if (target === fromStage) return { kind: 'self', stage: target, byIndex };
  return { kind: 'forward', stage: target, byIndex };
}
