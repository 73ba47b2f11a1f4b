import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import type { CompletionResult } from '../features/completion';

/**
 * Packs a completion result for the client. A client that takes an `editRange` default
 * (LSP 3.17) gets it once for the whole list; any other client gets a text edit per item.
 */
export function toCompletionList(result: CompletionResult | null, editRangeDefault: boolean): CompletionList {
  if (!result) return { isIncomplete: false, items: [] };
  const isIncomplete = result.isIncomplete === true;
  if (editRangeDefault) {
    // With a default range the client inserts `textEditText`, else the label: never `insertText`.
    const items = result.items.map(({ insertText, ...item }) => (insertText !== undefined && insertText !== item.label ? { ...item, textEditText: insertText } : item));
    return { isIncomplete, itemDefaults: { editRange: result.replace }, items };
  }
  const items: CompletionItem[] = result.items.map((item) => ({ ...item, textEdit: { range: result.replace, newText: item.insertText ?? item.label } }));
  return { isIncomplete, items };
}
