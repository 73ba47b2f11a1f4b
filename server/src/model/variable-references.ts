import { normalizeStageName } from './stage-names';
import type { DockerfileModel, Stage, StageReference } from './types';
import { expandInScope } from './variable-scope';

/**
 * The stage a reference written with variables (`COPY --from=${STAGE}`) names when the build
 * arguments keep their defaults; null when it names none of the earlier stages then.
 */
export function stageByDefaults(model: DockerfileModel, reference: StageReference): Stage | null {
  if (reference.resolution.kind !== 'variable') return null;
  const text = expandInScope(model, reference.range.start.line, reference.text);
  if (text === '' || text.includes('$')) return null;
  const index = /^\d+$/.test(text) ? Number(text) : model.stageIndexByName.get(normalizeStageName(text));
  return index !== undefined && index < reference.fromStage ? (model.stages[index] ?? null) : null;
}
