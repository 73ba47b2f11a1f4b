import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import pieces from '../../../snippets/pieces.json';

interface Piece {
  readonly prefix: readonly string[];
  readonly description: string;
  readonly body: readonly string[];
}

/**
 * The snippet pieces (named stage, COPY --from, cache mounts, non-root user…), offered by the
 * server only where an instruction starts: contributed as plain VS Code snippets they showed up
 * inside flags and mount options too.
 */
export function pieceItems(inStage: boolean): CompletionItem[] {
  return Object.entries(pieces as Record<string, Piece>)
    .filter(([, piece]) => inStage || /^(FROM|ARG)\b/.test(piece.body[0] ?? ''))
    .map(([name, piece], order) => ({
      label: piece.prefix[0] as string,
      kind: CompletionItemKind.Snippet,
      detail: name,
      documentation: { kind: MarkupKind.Markdown, value: `${piece.description}\n\n\`\`\`dockerfile\n${piece.body.join('\n').replace(/\$\{\d+(?::([^}]*))?\}|\$\d+/g, (_, value: string | undefined) => value ?? '')}\n\`\`\`` },
      filterText: piece.prefix.join(' '),
      insertText: piece.body.join('\n'),
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `2${String(order).padStart(2, '0')}`,
    }));
}
