import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { instructionAtLine, lineText, stageAtLine } from '../model/queries';
import type { DockerfileModel } from '../model/types';
import type { CompletionResult } from './completion';
import { INSTRUCTIONS } from './instruction-docs';
import { pieceItems } from './piece-snippets';

const TYPING_KEYWORD = /^(\s*)([A-Za-z]*)$/;

/**
 * Instructions where a Dockerfile expects one: at the start of a line that no instruction
 * continues. Before the first FROM only ARG and FROM are allowed. In a stage with earlier named
 * stages, a `COPY --from=` snippet offers their names to choose from.
 */
export function completeInstructions(model: DockerfileModel, position: Position): CompletionResult | null {
  if (position.line >= model.lineStarts.length) return null;
  const typed = TYPING_KEYWORD.exec(lineText(model, position.line).slice(0, position.character));
  if (!typed || insideInstruction(model, position.line)) return null;
  const indent = (typed[1] as string).length;
  const replace = { start: { line: position.line, character: indent }, end: position };
  const stage = stageAtLine(model, position.line);
  const lowercase = (typed[2] as string) !== '' && typed[2] === typed[2]?.toLowerCase();
  const keywords = stage ? Object.keys(INSTRUCTIONS) : ['ARG', 'FROM'];
  const items: CompletionItem[] = keywords.map((keyword, order) => {
    const doc = INSTRUCTIONS[keyword]!;
    const written = lowercase ? keyword.toLowerCase() : keyword;
    return {
      label: written,
      kind: CompletionItemKind.Keyword,
      detail: doc.summary,
      insertText: lowercase ? doc.snippet.replace(keyword, written) : doc.snippet,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `1${String(order).padStart(2, '0')}`,
    };
  });
  const earlier = stage ? model.stages.slice(0, stage.index).filter((s) => s.name !== null).map((s) => s.name as string).reverse() : [];
  if (earlier.length > 0) {
    const copy = lowercase ? 'copy' : 'COPY';
    items.unshift({
      label: `${copy} --from=…`,
      kind: CompletionItemKind.Snippet,
      detail: 'Copy files built in an earlier stage',
      documentation: { kind: MarkupKind.Markdown, value: `Choose among the earlier stages: ${earlier.map((name) => `\`${name}\``).join(', ')}.` },
      filterText: copy,
      insertText: `${copy} --from=\${1|${earlier.map(escapeChoice).join(',')}|} \${2:/src} \${3:/dest}`,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: '0',
    });
  }
  // The snippet pieces only for a line not begun in lower case (their text is upper case).
  if (!lowercase) items.push(...pieceItems(stage !== null));
  return { replace, items };
}

/** True when `line` continues an instruction that starts above it (continuation or heredoc body). */
function insideInstruction(model: DockerfileModel, line: number): boolean {
  const instruction = instructionAtLine(model, line);
  return instruction !== null && instruction.range.start.line < line;
}

function escapeChoice(name: string): string {
  return name.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}
