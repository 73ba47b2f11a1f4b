import { normalizeStageName } from './stage-names';
import type { DockerfileModel, Stage, StageReference } from './types';
import { variablesInScope } from './variable-scope';
import { substitute } from './variables';

/**
 * The stage a reference written with variables (`COPY --from=${STAGE}`) names when the build
 * arguments keep their defaults; null when it names none of the earlier stages then.
 */
export function stageByDefaults(model: DockerfileModel, reference: StageReference): Stage | null {
  if (reference.resolution.kind !== 'variable') return null;
  const scope = variablesInScope(model, reference.range.start.line);
  const text = substitute(reference.text, new Map([...scope].map(([name, definition]) => [name, definition.value])));
  if (text === '' || text.includes('$')) return null;
  const index = /^\d+$/.test(text) ? Number(text) : model.stageIndexByName.get(normalizeStageName(text));
  return index !== undefined && index < reference.fromStage ? (model.stages[index] ?? null) : null;
}
