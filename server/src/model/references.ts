import { looksLikeImage, parseImageReference } from './image-reference';
import { isOfficialImage } from '../images/image-facts';
import { normalizeStageName } from './stage-names';
import type { GlobalArg, Instruction, ReferenceKind, ReferenceResolution, Stage, StageReference } from './types';

/**
 * The one resolver for stage references: `COPY --from=`, `FROM <earlier stage>` and
 * `RUN --mount=…,from=`, by name (case-insensitive, like BuildKit) or by index.
 */
export function collectReferences(stages: readonly Stage[], stageIndexByName: ReadonlyMap<string, number>, globalArgs: readonly GlobalArg[] = []): StageReference[] {
  const references: StageReference[] = [];
  for (const stage of stages) {
    const fromReference = resolveFromBase(stage, stages, stageIndexByName, globalArgs);
    if (fromReference) references.push(fromReference);
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'COPY') {
        for (const flag of instruction.flags) {
          if (flag.name.toLowerCase() !== 'from' || flag.value === null || !flag.valueRange) continue;
          references.push(makeReference('copy-from', flag.value, flag.valueRange, stage, instruction, stages, stageIndexByName));
        }
      } else if (instruction.keyword === 'RUN') {
        for (const flag of instruction.flags) {
          if (flag.name.toLowerCase() !== 'mount') continue;
          for (const option of flag.options) {
            if (option.name.toLowerCase() !== 'from' || option.value === null || !option.valueRange) continue;
            references.push(
              makeReference('mount-from', option.value, option.valueRange, stage, instruction, stages, stageIndexByName),
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
function resolveFromBase(stage: Stage, stages: readonly Stage[], stageIndexByName: ReadonlyMap<string, number>, globalArgs: readonly GlobalArg[]): StageReference | null {
  const base = stage.baseImage;
  if (!base) return null;
  // Quotes are removed from the word (`FROM "runtime-${TARGETOS}"`): they never take part in the name.
  const unquoted = base.text.replace(/["']/g, '');
  if (base.hasVariables) {
    // `FROM base-${TARGETARCH}` chooses among earlier stages. `FROM ${IMAGE}` is an image unless
    // the ARG's default names a stage.
    if (/[/:@]/.test(unquoted.replace(/\$\{[^}]*\}/g, 'x'))) return null;
    const lone = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(unquoted);
    let candidates: number[];
    if (lone) {
      const fallback = globalArgs.find((arg) => arg.name === lone[1])?.defaultValue ?? null;
      const named = fallback ? stageIndexByName.get(normalizeStageName(fallback)) : undefined;
      candidates = named !== undefined && named < stage.index ? [named] : [];
    } else candidates = stagesMatching(unquoted, stages, stage.index, globalArgs);
    if (candidates.length === 0) return null;
    return { kind: 'from', text: base.text, range: base.range, fromStage: stage.index, instruction: stage.from, resolution: { kind: 'variable', candidates } };
  }
  if (looksLikeImage(unquoted)) return null;
  const target = stageIndexByName.get(normalizeStageName(unquoted));
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
  stages: readonly Stage[],
  stageIndexByName: ReadonlyMap<string, number>,
): StageReference {
  if (text.includes('$')) {
    return { kind, text, range, fromStage: stage.index, instruction, resolution: { kind: 'variable', candidates: stagesMatching(text, stages, stage.index) } };
  }
  return { kind, text, range, fromStage: stage.index, instruction, resolution: resolve(text, range, stage.index, stages.length, stageIndexByName) };
}

/**
 * The earlier stages a name written with variables can be: each `$VAR` / `${…}` may hold any
 * text. A lone variable (`${STAGE}`) may name any earlier stage. A variable whose default is one
 * word without a dash (`BASE=fpm` in `${BASE}-base`) takes values of that shape: it names
 * `fpm-base` or `apache-base`, not `fpm-php-ext-base`. A variable whose default is an image
 * reference (a `/`, `:` or `@` in it) names no stage.
 */
export function stagesMatching(text: string, stages: readonly Stage[], before: number, globalArgs: readonly GlobalArg[] = []): number[] {
  let source = '';
  for (const part of text.replace(/["']/g, '').split(/(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*)/)) {
    if (!part.startsWith('$')) {
      source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(part)?.[1];
    const fallback = name ? (globalArgs.find((arg) => arg.name === name)?.defaultValue ?? null) : null;
    // A default no stage name can hold (`cr.l5d.io/proxy:latest` in `${IMAGE}-${TARGETARCH}`) says the line builds on an image.
    if (fallback && /[^A-Za-z0-9_.-]/.test(fallback.replace(/["']/g, ''))) return [];
    source += fallback && /^[A-Za-z0-9_.]+$/.test(fallback) ? '[^-]*' : '.*';
  }
  const pattern = new RegExp(`^${source}$`, 'i');
  const found: number[] = [];
  for (const stage of stages) {
    if (stage.index >= before) break;
    if (stage.normalizedName !== null && pattern.test(stage.normalizedName)) found.push(stage.index);
  }
  return found;
}

function resolve(
  text: string,
  range: StageReference['range'],
  fromStage: number,
  stageCount: number,
  stageIndexByName: ReadonlyMap<string, number>,
): ReferenceResolution {
  if (/^\d+$/.test(text)) {
    const index = Number(text);
    return index < stageCount ? byPosition(index, fromStage, true) : { kind: 'unknown' };
  }
  const named = stageIndexByName.get(normalizeStageName(text));
  if (named !== undefined) return byPosition(named, fromStage, false);
  if (text !== '' && (looksLikeImage(text) || isOfficialImage(text))) {
    return { kind: 'image', image: parseImageReference(text, range) };
  }
  return { kind: 'unknown' };
}

function byPosition(target: number, fromStage: number, byIndex: boolean): ReferenceResolution {
  if (target < fromStage) return { kind: 'stage', stage: target, byIndex };
  if (target === fromStage) return { kind: 'self', stage: target, byIndex };
  return { kind: 'forward', stage: target, byIndex };
}
