import type { Position, Range } from 'vscode-languageserver-types';
import { symbolAt } from '../model/queries';
import type { DockerfileModel, Stage } from '../model/types';
import { stageByDefaults } from '../model/variable-references';

/** Where a stage is declared: its name after `AS`, or its `FROM` keyword when it has no name. */
export function stageDeclarationRange(stage: Stage): Range {
  return stage.nameRange ?? stage.from.keywordRange;
}

/** Goes from a stage reference (by name or index) to the stage's declaration. */
export function findDefinition(model: DockerfileModel, position: Position): Range | null {
  const symbol = symbolAt(model, position);
  if (symbol?.kind === 'reference' && symbol.target) return stageDeclarationRange(symbol.target);
  // `--from=${STAGE}`: the stage its default names.
  if (symbol?.kind === 'reference') {
    const byDefault = stageByDefaults(model, symbol.reference);
    if (byDefault) return stageDeclarationRange(byDefault);
  }
  if (symbol?.kind === 'declaration') return stageDeclarationRange(symbol.stage);
  return null;
}
