import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import type { CompletionResult } from '../features/completion';

/**
 * Packs a completion result for the client. A client that takes an `editRange` default
 * (LSP 3.17) gets it once for the whole list; any other client gets a text edit per item.
 */
export function toCompletionList(result: CompletionResult | null, editRangeDefault: boolean): CompletionList {
  if (!result) return { isIncomplete: false, items: [] };
  const isIncomplete = result.isIncomplete === true;
  if (editRangeDefault) return { isIncomplete, itemDefaults: { editRange: result.replace }, items: result.items };
  const items: CompletionItem[] = result.items.map((item) => ({ ...item, textEdit: { range: result.replace, newText: item.insertText ?? item.label } }));
  return { isIncomplete, items };
}
