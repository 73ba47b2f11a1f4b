import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from '../model/types';
import { stageLabel } from '../model/stage-names';
import { stageDeclarationRange } from './definition';

const DETAIL_LIMIT = 80;

/** The outline: global `ARG`s, then each stage (base image as detail) with its instructions. */
export function documentSymbols(model: DockerfileModel): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = model.globalArgs.map((arg) => ({
    name: arg.name,
    detail: arg.defaultValue ?? '',
    kind: SymbolKind.Variable,
    range: arg.instruction.range,
    selectionRange: arg.nameRange,
  }));
  for (const stage of model.stages) {
    symbols.push({
      name: stageLabel(stage),
      detail: stage.baseImage?.text ?? '',
      kind: SymbolKind.Module,
      range: stage.range,
      selectionRange: stageDeclarationRange(stage),
      children: stage.instructions.slice(1).map(instructionSymbol),
    });
  }
  return symbols;
}

function instructionSymbol(instruction: Instruction): DocumentSymbol {
  const parts = [...instruction.flags.map((flag) => `--${flag.name}${flag.value === null ? '' : `=${flag.value}`}`), ...instruction.args.map((arg) => arg.value)];
  let detail = parts.join(' ');
  if (detail.length > DETAIL_LIMIT) detail = `${detail.slice(0, DETAIL_LIMIT - 1)}…`;
  return {
    name: instruction.keyword,
    detail,
    kind: instruction.keyword === 'ARG' || instruction.keyword === 'ENV' ? SymbolKind.Variable : SymbolKind.Field,
    range: instruction.range,
    selectionRange: instruction.keywordRange,
  };
}
